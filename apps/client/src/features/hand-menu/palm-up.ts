/** Vector and quaternion tuples as the presence poses carry them (world space, metres). */
export type Vec3 = readonly [number, number, number];
export type Quat = readonly [number, number, number, number];

/** Cosine above which a palm counts as turned towards the face (about 45°), and under which it stops (about 63°): hysteresis, so a trembling hand does not flicker the menu. */
export const PALM_TOWARDS = 0.7;
export const PALM_AWAY = 0.45;

/**
 * The palm's outward normal of a controller grip pose, in world space. WebXR's grip space has +X
 * out of the back of the right hand and −X out of the back of the left one, so the left palm faces
 * +X and the right palm −X.
 */
export function palmNormal(q: Quat, hand: "left" | "right"): [number, number, number] {
  const [x, y, z, w] = q;
  const s = hand === "left" ? 1 : -1;
  // the grip's X axis rotated by q (first column of the rotation matrix)
  return [s * (1 - 2 * (y * y + z * z)), s * 2 * (x * y + w * z), s * 2 * (x * z - w * y)];
}

/** Cosine of the angle between the palm's normal and the direction from the hand to the eyes. */
export function palmTowardsHead(grip: { p: Vec3; q: Quat }, head: Vec3, hand: "left" | "right"): number {
  const n = palmNormal(grip.q, hand);
  const d = [head[0] - grip.p[0], head[1] - grip.p[1], head[2] - grip.p[2]];
  const len = Math.hypot(d[0]!, d[1]!, d[2]!);
  if (len < 1e-6) return 0;
  return (n[0] * d[0]! + n[1] * d[1]! + n[2] * d[2]!) / len;
}

/**
 * True while the palm is turned up towards the face: facing the eyes within the thresholds above,
 * and not facing down (a hand raised above the head with the palm towards it is not a menu gesture).
 * `wasUp` is the previous answer (hysteresis).
 */
export function palmUp(grip: { p: Vec3; q: Quat }, head: Vec3, hand: "left" | "right", wasUp: boolean): boolean {
  const facing = palmTowardsHead(grip, head, hand);
  if (palmNormal(grip.q, hand)[1] <= 0) return false;
  return facing >= (wasUp ? PALM_AWAY : PALM_TOWARDS);
}
