import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { isPressed } from "../xr/pressed.js";

/**
 * Keeps the right trigger for an onboarding object (the VR instruction panel, the practice deck)
 * while the controller's ray rests on it, or a press that began there is still held: teleport and
 * boards then leave that press alone, as they do for the hand menu. The hand menu writes
 * `rig.handsOnUi.right` each frame at `worldUi`; this adds its claim after it (at `send`), and the
 * next frame's teleport reads it. Returns the pointer handlers to spread on the object.
 */
export function useRayClaim(): { onPointerEnter(): void; onPointerLeave(): void } {
  const { rig, xr } = useSession();
  const state = useRef({ over: false, held: false });
  useFrame(() => {
    const s = xr.store.getState().session;
    const right = s ? [...s.inputSources].find((src) => src.handedness === "right") : undefined;
    const trigger = s && right ? isPressed(s, right) : false;
    const st = state.current;
    st.held = trigger && (st.over || st.held);
    if (st.over || st.held) rig.handsOnUi.right = true;
  }, FrameOrder.send);
  return {
    onPointerEnter: () => void (state.current.over = true),
    onPointerLeave: () => void (state.current.over = false),
  };
}
