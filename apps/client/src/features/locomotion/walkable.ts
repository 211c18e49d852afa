import type { RoomLayout } from "@otc/contract";

export type Walkable = RoomLayout["walkable"];

/** Keeps a head position (metres, x/z) inside the layout's walkable rectangle. */
export function clampToWalkable(x: number, z: number, w: Walkable): [number, number] {
  return [Math.min(w.maxX, Math.max(w.minX, x)), Math.min(w.maxZ, Math.max(w.minZ, z))];
}

/** Rotates a horizontal offset (x, z) by a yaw in radians (three.js convention: yaw 0 looks down −z). */
export function rotateY(x: number, z: number, yaw: number): [number, number] {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return [x * c + z * s, -x * s + z * c];
}

export interface MoveKeys {
  forward: boolean;
  back: boolean;
  left: boolean;
  right: boolean;
}

/** An analogue walking input (the touch joystick): x right, y forward, length at most 1 (full speed). */
export interface WalkStick {
  x: number;
  y: number;
}

/**
 * World-space walking displacement for one frame: `speed` m/s along the view yaw, diagonals not faster.
 * Held keys win; with none held, a `stick` walks at its deflection's share of `speed`.
 */
export function walkDelta(keys: MoveKeys, yaw: number, speed: number, dt: number, stick?: WalkStick): [number, number] {
  let ix = (keys.right ? 1 : 0) - (keys.left ? 1 : 0);
  let iz = (keys.back ? 1 : 0) - (keys.forward ? 1 : 0);
  let len = Math.hypot(ix, iz);
  let scale = 1;
  if (len === 0 && stick) {
    ix = stick.x;
    iz = -stick.y;
    len = Math.hypot(ix, iz);
    scale = Math.min(1, len);
  }
  if (len === 0) return [0, 0];
  const [x, z] = rotateY(ix / len, iz / len, yaw);
  return [x * speed * scale * dt, z * speed * scale * dt];
}

/** Moves (x, z) toward a target by at most `maxStep` metres; `arrived` once it is there. */
export function stepToward(x: number, z: number, tx: number, tz: number, maxStep: number): { x: number; z: number; arrived: boolean } {
  const dx = tx - x;
  const dz = tz - z;
  const d = Math.hypot(dx, dz);
  if (d <= maxStep || d < 1e-4) return { x: tx, z: tz, arrived: true };
  return { x: x + (dx / d) * maxStep, z: z + (dz / d) * maxStep, arrived: false };
}

/** Yaw (radians about +y) of a rotation quaternion [x, y, z, w], ignoring pitch and roll. */
export function yawOf(q: readonly [number, number, number, number]): number {
  const [x, y, z, w] = q;
  return Math.atan2(2 * (w * y + x * z), 1 - 2 * (x * x + y * y));
}
