import { useEffect, useRef } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { useReducedMotion } from "../a11y/use-reduced-motion.js";
import { trackMoveKeys } from "./keyboard.js";

/** Radians per press of Q or E when motion is reduced (30°, as the VR snap turn). */
export const SNAP_TURN = Math.PI / 6;

/**
 * Listens for the walking and turning keys from the moment the room shows, beside the canvas
 * rather than inside it: the canvas mounts its children only once everything in it has loaded
 * (room model, textures), and a key pressed before then was heard by nobody, so a keyboard user
 * who started walking at once stood still. The held keys go to the rig; DesktopControls walks
 * them each frame. With reduced motion, each press of Q or E snaps the view by 30°.
 */
export function KeyboardWalk(): null {
  const { rig } = useSession();
  const inVr = useSessionUi((s) => s.inVr);
  const reduced = useReducedMotion();
  const snapping = useRef(false);
  snapping.current = reduced && !inVr;

  useEffect(() => {
    const snap = (direction: -1 | 1) => {
      if (snapping.current) rig.yaw -= direction * SNAP_TURN;
    };
    return trackMoveKeys(window, rig.moveKeys, rig.turnKeys, snap).dispose;
  }, [rig]);
  return null;
}
