import { useFrame } from "@react-three/fiber";
import { useXRInputSourceState } from "@react-three/xr";
import { useRef } from "react";
import { FrameOrder } from "../../frame-order.js";
import { useVoice } from "./use-voice.js";

/** In VR: the left controller's Y button toggles the microphone (press, not hold). */
export function VrMuteButton() {
  const voice = useVoice();
  const left = useXRInputSourceState("controller", "left");
  const wasDown = useRef(false);
  useFrame(() => {
    const down = left?.gamepad["y-button"]?.state === "pressed";
    if (down && !wasDown.current) voice.toggleMute();
    wasDown.current = down;
  }, FrameOrder.input);
  return null;
}
