import { SHORTCUTS, type ShortcutId } from "../a11y/shortcuts.js";
import type { MoveKeys } from "./walkable.js";

/** Physical keys (KeyboardEvent.code) of each walking and turning action, from the shortcut list the help overlay shows. */
const codesOf = <A extends string>(pairs: Array<[ShortcutId, A]>): Record<string, A> =>
  Object.fromEntries(pairs.flatMap(([id, action]) => SHORTCUTS[id].keys.map((code: string) => [code, action])));
const BINDINGS = codesOf<keyof MoveKeys>([["forward", "forward"], ["back", "back"], ["stepLeft", "left"], ["stepRight", "right"]]);
const TURNS = codesOf<keyof TurnKeys>([["turnLeft", "left"], ["turnRight", "right"]]);

/** Turning keys held down (Q, E). */
export interface TurnKeys {
  left: boolean;
  right: boolean;
}

/** True when a key press belongs to a text field or control, not to walking. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Tracks the walking and turning keys held down on `target` (window) into `keys` and `turn` (the
 * rig's, so whoever walks reads them); `onTurnPress` hears each new press of a turning key (snap
 * turns when motion is reduced). Keys typed into inputs are ignored, and everything is released when
 * the window loses focus so nobody walks off on their own.
 */
export function trackMoveKeys(
  target: Window,
  keys: MoveKeys,
  turn: TurnKeys,
  onTurnPress?: (direction: -1 | 1) => void,
): { dispose(): void } {
  const set = (e: KeyboardEvent, down: boolean) => {
    const action = BINDINGS[e.code];
    const turning = TURNS[e.code];
    if (!action && !turning) return;
    if (down && (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey)) return;
    if (action) keys[action] = down;
    if (turning) {
      turn[turning] = down;
      if (down && !e.repeat) onTurnPress?.(turning === "left" ? -1 : 1);
    }
    if (down) e.preventDefault();
  };
  const onDown = (e: KeyboardEvent) => set(e, true);
  const onUp = (e: KeyboardEvent) => set(e, false);
  const onBlur = () => {
    keys.forward = keys.back = keys.left = keys.right = false;
    turn.left = turn.right = false;
  };
  target.addEventListener("keydown", onDown);
  target.addEventListener("keyup", onUp);
  target.addEventListener("blur", onBlur);
  return {
    dispose() {
      onBlur();
      target.removeEventListener("keydown", onDown);
      target.removeEventListener("keyup", onUp);
      target.removeEventListener("blur", onBlur);
    },
  };
}
