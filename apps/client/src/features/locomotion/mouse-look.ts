import type { LocalRig } from "./local-rig.js";

const RADIANS_PER_PIXEL = 0.0035;
export const MAX_PITCH = 1.35; // radians, just short of straight up/down

/**
 * Drag anywhere on the canvas to look around; double-click to lock the pointer (Esc releases).
 * Dragging is "grab the world": moving the mouse right turns the view left, like most viewers.
 */
export function attachMouseLook(element: HTMLElement, rig: LocalRig, enabled: () => boolean): () => void {
  let dragging = false;
  const look = (dx: number, dy: number, sign: 1 | -1) => {
    rig.yaw += sign * dx * RADIANS_PER_PIXEL;
    rig.pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, rig.pitch + sign * dy * RADIANS_PER_PIXEL));
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0 || e.pointerType === "touch" || !enabled()) return; // a finger looks through features/touch
    dragging = true;
    element.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    if (!enabled()) return;
    if (document.pointerLockElement === element) look(e.movementX, e.movementY, -1);
    else if (dragging) look(e.movementX, e.movementY, 1);
  };
  const onUp = (e: PointerEvent) => {
    dragging = false;
    if (element.hasPointerCapture(e.pointerId)) element.releasePointerCapture(e.pointerId);
  };
  const onDouble = () => {
    if (enabled() && document.pointerLockElement !== element) void element.requestPointerLock?.();
  };
  element.addEventListener("pointerdown", onDown);
  element.addEventListener("pointermove", onMove);
  element.addEventListener("pointerup", onUp);
  element.addEventListener("pointercancel", onUp);
  element.addEventListener("dblclick", onDouble);
  return () => {
    element.removeEventListener("pointerdown", onDown);
    element.removeEventListener("pointermove", onMove);
    element.removeEventListener("pointerup", onUp);
    element.removeEventListener("pointercancel", onUp);
    element.removeEventListener("dblclick", onDouble);
  };
}
