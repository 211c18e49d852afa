/**
 * How far along a VR ray a whiteboard still takes it, metres: a board farther than this is not drawn
 * on, does not claim the trigger from teleport, and the ray is not drawn on it (the same number for all
 * three, so a visible ray always means a press would draw).
 */
export const RAY_REACH_M = 4;

/** Whether a hit `distance` metres along the ray is within reach. */
export function withinRayReach(distance: number, reach: number = RAY_REACH_M): boolean {
  return Number.isFinite(distance) && distance >= 0 && distance <= reach;
}
