import type { PanelAnchor } from "@otc/contract";

/** How far a board may be and still count as in front of someone, metres. */
export const FRONT_RANGE = 9;
/** Half the field within which a board counts as in front, radians (±40°). */
export const FRONT_HALF_ANGLE = (40 * Math.PI) / 180;

/**
 * The board in front of a person standing at (x, z) looking along `yaw` (radians, three.js: yaw 0
 * looks down −z): among the boards within FRONT_RANGE whose centre lies within ±40° of the view, the
 * nearest by angle first, then by distance. Null when none is.
 */
export function boardInFront(x: number, z: number, yaw: number, boards: readonly PanelAnchor[]): string | null {
  const fx = -Math.sin(yaw);
  const fz = -Math.cos(yaw);
  let best: { id: string; angle: number; distance: number } | null = null;
  for (const b of boards) {
    const dx = b.position[0] - x;
    const dz = b.position[2] - z;
    const distance = Math.hypot(dx, dz);
    if (distance > FRONT_RANGE || distance < 1e-6) continue;
    const angle = Math.acos(Math.max(-1, Math.min(1, (dx * fx + dz * fz) / distance)));
    if (angle > FRONT_HALF_ANGLE) continue;
    if (!best || angle < best.angle - 0.05 || (Math.abs(angle - best.angle) <= 0.05 && distance < best.distance)) best = { id: b.id, angle, distance };
  }
  return best?.id ?? null;
}
