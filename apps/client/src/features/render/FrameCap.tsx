import { useThree } from "@react-three/fiber";
import { useEffect } from "react";

/** Asks for a frame `hz` times a second; pair it with `<Canvas frameloop="demand">`. */
export function FrameCap({ hz }: { hz: number }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const timer = window.setInterval(() => invalidate(), 1000 / hz);
    return () => window.clearInterval(timer);
  }, [invalidate, hz]);
  return null;
}
