import type { LocalRig } from "../locomotion/local-rig.js";
import { lookAfterDrag } from "./touch-input.js";

/**
 * One finger dragged on the scene turns the view ("grab the world", as the mouse does; pitch within
 * the same limits). Other fingers are left alone: a thumb on the walking stick and one looking work
 * together. A tap does not turn anything and still reaches the floor (tap to walk there).
 */
export function attachTouchLook(element: HTMLElement, rig: LocalRig, enabled: () => boolean): () => void {
  let finger: { id: number; x: number; y: number } | null = null;
  const onDown = (e: PointerEvent) => {
    if (e.pointerType !== "touch" || finger || !enabled()) return;
    finger = { id: e.pointerId, x: e.clientX, y: e.clientY };
  };
  const onMove = (e: PointerEvent) => {
    if (!finger || e.pointerId !== finger.id || !enabled()) return;
    const view = lookAfterDrag(rig, e.clientX - finger.x, e.clientY - finger.y);
    rig.yaw = view.yaw;
    rig.pitch = view.pitch;
    finger.x = e.clientX;
    finger.y = e.clientY;
  };
  const onUp = (e: PointerEvent) => {
    if (finger?.id === e.pointerId) finger = null;
  };
  element.addEventListener("pointerdown", onDown);
  element.addEventListener("pointermove", onMove);
  element.addEventListener("pointerup", onUp);
  element.addEventListener("pointercancel", onUp);
  return () => {
    element.removeEventListener("pointerdown", onDown);
    element.removeEventListener("pointermove", onMove);
    element.removeEventListener("pointerup", onUp);
    element.removeEventListener("pointercancel", onUp);
  };
}
