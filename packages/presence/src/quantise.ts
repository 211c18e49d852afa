import type { Quat, Vec3 } from "./types.js";

/**
 * Quantisation used on the wire:
 * - positions in millimetres (error ≤ 0.5 mm per axis);
 * - rotations as a rotation vector (axis × angle, the quaternion's log map) in milliradians
 *   (error ≤ 0.5 mrad per component, under 0.06° in all). A rotation vector changes smoothly
 *   with smooth motion, which is what makes predictive delta coding cheap.
 * Hands are coded relative to the head at half that resolution (2 mm, 2 mrad): nobody sees a
 * millimetre on a controller, and the bits saved keep a moving avatar under 300 bytes/second.
 */
export const POSITION_UNIT = 0.001; // metres per step
export const ROTATION_UNIT = 0.001; // radians per step
export const HAND_POSITION_UNIT = 0.002; // metres per step, relative to the quantised head
export const HAND_ROTATION_UNIT = 0.002; // radians per step

export function quantisePosition(p: Vec3): Vec3 {
  return [Math.round(p[0] / POSITION_UNIT), Math.round(p[1] / POSITION_UNIT), Math.round(p[2] / POSITION_UNIT)];
}

export function dequantisePosition(q: Vec3): Vec3 {
  return [q[0] * POSITION_UNIT, q[1] * POSITION_UNIT, q[2] * POSITION_UNIT];
}

export function normaliseQuat(q: Quat): Quat {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  if (!(n > 0) || !Number.isFinite(n)) return [0, 0, 0, 1];
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}

/** Quaternion → rotation vector in quantised steps; the sign is chosen so the angle is in [0, π]. */
export function quantiseRotation(qIn: Quat, unit = ROTATION_UNIT): Vec3 {
  let [x, y, z, w] = normaliseQuat(qIn);
  if (w < 0) {
    x = -x;
    y = -y;
    z = -z;
    w = -w;
  }
  const s = Math.hypot(x, y, z);
  if (s < 1e-9) return [0, 0, 0];
  const angle = 2 * Math.atan2(s, w);
  const k = angle / s / unit;
  return [Math.round(x * k), Math.round(y * k), Math.round(z * k)];
}

export function dequantiseRotation(r: Vec3, unit = ROTATION_UNIT): Quat {
  const rx = r[0] * unit;
  const ry = r[1] * unit;
  const rz = r[2] * unit;
  const angle = Math.hypot(rx, ry, rz);
  if (angle < 1e-12) return [0, 0, 0, 1];
  const k = Math.sin(angle / 2) / angle;
  return [rx * k, ry * k, rz * k, Math.cos(angle / 2)];
}

/** Angle in radians between two rotations (0 … π). */
export function quatAngle(a: Quat, b: Quat): number {
  const na = normaliseQuat(a);
  const nb = normaliseQuat(b);
  const dot = Math.abs(na[0] * nb[0] + na[1] * nb[1] + na[2] * nb[2] + na[3] * nb[3]);
  return 2 * Math.acos(Math.min(1, dot));
}
