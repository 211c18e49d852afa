import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { motionReduced } from "./a11y-settings.js";

const QUERY = "(prefers-reduced-motion: reduce)";

function systemPrefers(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(QUERY).matches;
}

/**
 * True while motion is reduced for this person: their choice in the accessibility menu, or (the
 * default) the system's `prefers-reduced-motion`, followed live when it changes.
 */
export function useReducedMotion(): boolean {
  const motion = useStore(useSession().a11y, (s) => s.motion);
  const [system, setSystem] = useState(systemPrefers);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(QUERY);
    const onChange = () => setSystem(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);
  return motionReduced(motion, system);
}
