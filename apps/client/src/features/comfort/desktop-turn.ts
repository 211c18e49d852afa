import { SMOOTH_TURN_DEG_PER_S, type Turn } from "./comfort-settings.js";

/** Keys that turn the desktop view: Q to the left, E to the right (A/D and the arrows walk sideways). */
export const TURN_KEYS: Readonly<Record<string, 1 | -1>> = { KeyQ: 1, KeyE: -1 };

/**
 * Radians the desktop view turns (positive: to the left, as three's yaw) for the Comfort setting:
 * a snap angle once per key press (`held` 0), or a smooth turn over `dt` seconds while held.
 */
export function desktopTurn(turn: Turn, dir: 1 | -1, pressed: boolean, dt: number): number {
  if (turn === "smooth") return pressed ? 0 : (dir * SMOOTH_TURN_DEG_PER_S * dt * Math.PI) / 180;
  return pressed ? (dir * turn * Math.PI) / 180 : 0;
}
