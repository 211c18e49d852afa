import type { MoveKeys } from "./walkable.js";

const BINDINGS: Record<string, keyof MoveKeys> = {
  KeyW: "forward",
  ArrowUp: "forward",
  KeyS: "back",
  ArrowDown: "back",
  KeyA: "left",
  ArrowLeft: "left",
  KeyD: "right",
  ArrowRight: "right",
};

/** True when a key press belongs to a text field or control, not to walking. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Tracks the walking keys held down on `target` (window). Keys typed into inputs are ignored, and
 * everything is released when the window loses focus so nobody walks off on their own.
 */
export function trackMoveKeys(target: Window): { keys: MoveKeys; dispose(): void } {
  const keys: MoveKeys = { forward: false, back: false, left: false, right: false };
  const set = (e: KeyboardEvent, down: boolean) => {
    const action = BINDINGS[e.code];
    if (!action) return;
    if (down && (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey)) return;
    keys[action] = down;
    if (down) e.preventDefault();
  };
  const onDown = (e: KeyboardEvent) => set(e, true);
  const onUp = (e: KeyboardEvent) => set(e, false);
  const onBlur = () => {
    keys.forward = keys.back = keys.left = keys.right = false;
  };
  target.addEventListener("keydown", onDown);
  target.addEventListener("keyup", onUp);
  target.addEventListener("blur", onBlur);
  return {
    keys,
    dispose() {
      target.removeEventListener("keydown", onDown);
      target.removeEventListener("keyup", onUp);
      target.removeEventListener("blur", onBlur);
    },
  };
}
