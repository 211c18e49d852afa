import type { MessageKey } from "@otc/i18n";

/**
 * The room's keyboard shortcuts, one list: the handlers match keys through `matches(e, id)` and the
 * help overlay (`?`) shows this list, so what is listed is what works.
 *
 * A token is either a physical key (`KeyW`, `ArrowUp`, `PageDown`: KeyboardEvent.code, so walking
 * keys keep their place on AZERTY), or a character (`m`, `?`: KeyboardEvent.key, so the letter of a
 * mnemonic is the letter printed on the key). `Ctrl+` and `Shift+` prefixes ask for the modifier;
 * without them, a press with Ctrl, Alt or Meta held is not this shortcut.
 */
export const SHORTCUTS = {
  forward: { keys: ["KeyW", "ArrowUp"], label: "a11y.keys.forward" },
  back: { keys: ["KeyS", "ArrowDown"], label: "a11y.keys.back" },
  stepLeft: { keys: ["KeyA", "ArrowLeft"], label: "a11y.keys.stepLeft" },
  stepRight: { keys: ["KeyD", "ArrowRight"], label: "a11y.keys.stepRight" },
  turnLeft: { keys: ["KeyQ"], label: "a11y.keys.turnLeft" },
  turnRight: { keys: ["KeyE"], label: "a11y.keys.turnRight" },
  recentre: { keys: ["KeyR"], label: "a11y.keys.recentre" },
  hand: { keys: ["h"], label: "a11y.keys.hand" },
  mute: { keys: ["m"], label: "a11y.keys.mute" },
  board: { keys: ["b"], label: "a11y.keys.board" },
  undo: { keys: ["Ctrl+z"], label: "a11y.keys.undo" },
  redo: { keys: ["Ctrl+Shift+z", "Ctrl+y"], label: "a11y.keys.redo" },
  slideNext: { keys: ["PageDown"], label: "a11y.keys.slideNext", who: "presenter" },
  slidePrev: { keys: ["PageUp"], label: "a11y.keys.slidePrev", who: "presenter" },
  callNext: { keys: ["n"], label: "a11y.keys.callNext", who: "facilitator" },
  doneSpeaking: { keys: ["u"], label: "a11y.keys.doneSpeaking", who: "facilitator" },
  help: { keys: ["?"], label: "a11y.keys.help" },
  close: { keys: ["Escape"], label: "a11y.keys.close" },
} as const satisfies Record<string, { keys: readonly string[]; label: MessageKey; who?: "presenter" | "facilitator" }>;

export type ShortcutId = keyof typeof SHORTCUTS;

interface Parsed {
  ctrl: boolean;
  shift: boolean;
  /** A KeyboardEvent.code (a physical key) or a lower-case KeyboardEvent.key (a character). */
  key: string;
  physical: boolean;
}

export function parseToken(token: string): Parsed {
  const parts = token.split("+");
  const key = parts.at(-1)!;
  return { ctrl: parts.includes("Ctrl"), shift: parts.includes("Shift"), key, physical: key.length > 1 && /^[A-Z]/.test(key) };
}

/** The parts of a KeyboardEvent a shortcut looks at. */
export type KeyPress = Pick<KeyboardEvent, "code" | "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/** True when the press is one of the shortcut's keys (Ctrl also accepts Cmd). */
export function matches(e: KeyPress, id: ShortcutId): boolean {
  return SHORTCUTS[id].keys.some((token: string) => {
    const p = parseToken(token);
    if (p.ctrl !== (e.ctrlKey || e.metaKey) || e.altKey) return false;
    if (p.ctrl && p.shift !== e.shiftKey) return false; // Ctrl+Z undoes, Ctrl+Shift+Z redoes
    return p.physical ? e.code === p.key : e.key.toLowerCase() === p.key;
  });
}

const NAMES: Record<string, string> = { ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→", PageDown: "Page ↓", PageUp: "Page ↑", Escape: "Esc" };

/**
 * How a token is printed on the key cap: `KeyW` → W, `Ctrl+Shift+z` → Ctrl + Shift + Z. `printed`
 * names a physical key by this keyboard's layout where the browser tells (AZERTY: KeyW → Z).
 */
export function keyCaps(token: string, printed?: (code: string) => string | undefined): string[] {
  const p = parseToken(token);
  const own = p.physical && p.key.startsWith("Key") ? printed?.(p.key) : undefined;
  const last = own ? own.toUpperCase() : (NAMES[p.key] ?? (p.key.startsWith("Key") ? p.key.slice(3) : p.key.toUpperCase()));
  return [...(p.ctrl ? ["Ctrl"] : []), ...(p.shift ? ["Shift"] : []), last];
}
