/** How a person moves in VR: teleport (the trigger's arc, the default) or smooth motion on the left stick. */
export type Locomotion = "teleport" | "smooth";
/** Snap turn angle in degrees on the right stick, or a smooth turn. */
export type Turn = 30 | 45 | 90 | "smooth";

/** Comfort choices of one person on one device (kept in localStorage, never sent). */
export interface ComfortSettings {
  locomotion: Locomotion;
  /** Smooth locomotion speed at full stick deflection, m/s. */
  speed: number;
  /** Comfort vignette strength while moving smoothly, 0 (off) to 1 (edges black). */
  vignette: number;
  turn: Turn;
  /** How far past the wrist (away from the eyes) the hand menu sits, metres. */
  menuDistance: number;
  /** Hand menu size, 1 = 1 mm per panel pixel. */
  menuScale: number;
}

export const LOCOMOTIONS: readonly Locomotion[] = ["teleport", "smooth"];
export const SPEEDS: readonly number[] = [1, 1.5, 2, 3]; // m/s
export const VIGNETTES: readonly number[] = [0, 0.3, 0.6, 0.9];
export const TURNS: readonly Turn[] = [30, 45, 90, "smooth"];
export const MENU_DISTANCES: readonly number[] = [0, 0.1, 0.2]; // metres
export const MENU_SCALES: readonly number[] = [0.8, 1, 1.25];
/** Degrees per second of the smooth turn at full deflection. */
export const SMOOTH_TURN_DEG_PER_S = 90;

export const DEFAULT_COMFORT: ComfortSettings = { locomotion: "teleport", speed: 1.5, vignette: 0.6, turn: 30, menuDistance: 0, menuScale: 1 };

function pick<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Reads stored settings (the edge: anything may be in localStorage): each field is kept only when it
 * is one of the offered choices, else its default.
 */
export function parseComfort(raw: unknown): ComfortSettings {
  const o = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_COMFORT;
  return {
    locomotion: pick(o.locomotion, LOCOMOTIONS, d.locomotion),
    speed: pick(o.speed, SPEEDS, d.speed),
    vignette: pick(o.vignette, VIGNETTES, d.vignette),
    turn: pick(o.turn, TURNS, d.turn),
    menuDistance: pick(o.menuDistance, MENU_DISTANCES, d.menuDistance),
    menuScale: pick(o.menuScale, MENU_SCALES, d.menuScale),
  };
}
