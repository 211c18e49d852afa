import type { AvatarPose } from "./types.js";

/** Which shared stream a viewer follows an avatar in. */
export const Tier = { near: 1, far: 2 } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

/** Where the line between near and far lies. Metres and radians; `*Margin` is the hysteresis. */
export interface InterestRules {
  /** Always near within this distance, wherever the viewer looks (someone beside or behind you). */
  closeMetres: number;
  /** Near within this distance when in view. */
  nearMetres: number;
  nearMarginMetres: number;
  /** Half the horizontal angle counted as in view (a headset shows about ±50°; turning the head is quick). */
  viewHalfAngle: number;
  viewMarginAngle: number;
}

export const DEFAULT_INTEREST: InterestRules = {
  closeMetres: 2.5,
  nearMetres: 6,
  nearMarginMetres: 1,
  viewHalfAngle: (70 * Math.PI) / 180,
  viewMarginAngle: (10 * Math.PI) / 180,
};

/**
 * A viewer worked out once for many avatars: where its head is on the floor, which way it faces
 * (unit vector; zero when looking straight up or down, where everything around may be in view) and
 * the cosines of its view limits.
 */
export interface Eye {
  x: number;
  z: number;
  fx: number;
  fz: number;
  cosView: number;
  /** The limit widened by `viewMarginAngle`, for an avatar already in view. */
  cosKeep: number;
}

export function eyeOf(viewer: AvatarPose, rules = DEFAULT_INTEREST): Eye {
  // horizontal forward of the head (three.js looks down −z)
  const [x, y, z, w] = viewer.head.q;
  const fx = -2 * (x * z + w * y);
  const fz = -(1 - 2 * (x * x + y * y));
  const f = Math.sqrt(fx * fx + fz * fz);
  return {
    x: viewer.head.p[0],
    z: viewer.head.p[2],
    fx: f < 1e-6 ? 0 : fx / f,
    fz: f < 1e-6 ? 0 : fz / f,
    cosView: Math.cos(rules.viewHalfAngle),
    cosKeep: Math.cos(rules.viewHalfAngle + rules.viewMarginAngle),
  };
}

/**
 * The tier a viewer should follow an avatar in: near when close, or within `nearMetres` and in front
 * of the viewer's eyes; far otherwise. `current` widens the limits a little so a person standing on
 * the line does not flip between tiers.
 */
export function interestTier(viewer: AvatarPose, avatar: AvatarPose, current: Tier | undefined, rules = DEFAULT_INTEREST): Tier {
  return tierSeen(eyeOf(viewer, rules), avatar.head.p[0], avatar.head.p[2], current, rules);
}

/** `interestTier` for an avatar whose head is at (ax, az), from an eye worked out once (this runs for every pair of people five times a second). */
export function tierSeen(eye: Eye, ax: number, az: number, current: Tier | undefined, rules = DEFAULT_INTEREST): Tier {
  const dx = ax - eye.x;
  const dz = az - eye.z;
  const d2 = dx * dx + dz * dz;
  const keep = current === Tier.near;
  const close = rules.closeMetres + (keep ? rules.nearMarginMetres : 0);
  if (d2 < close * close) return Tier.near;
  const near = rules.nearMetres + (keep ? rules.nearMarginMetres : 0);
  if (d2 > near * near) return Tier.far;
  return seen(eye, dx, dz, d2, keep) ? Tier.near : Tier.far;
}

/**
 * Whether an avatar whose head is at (ax, az) is within the viewer's horizontal view (`viewHalfAngle`,
 * widened by `viewMarginAngle` when `keep`, so one on the edge does not flip). Looking straight up or
 * down, everything around may be in view.
 */
export function inViewOf(eye: Eye, ax: number, az: number, keep: boolean): boolean {
  const dx = ax - eye.x;
  const dz = az - eye.z;
  return seen(eye, dx, dz, dx * dx + dz * dz, keep);
}

function seen(eye: Eye, dx: number, dz: number, d2: number, keep: boolean): boolean {
  if (d2 < 1e-12 || (eye.fx === 0 && eye.fz === 0)) return true;
  // cos of the angle between facing and direction ≥ cos of the limit, without the square root: both sides times |d|
  const dot = eye.fx * dx + eye.fz * dz;
  const c = keep ? eye.cosKeep : eye.cosView;
  return c >= 0 ? dot >= 0 && dot * dot >= c * c * d2 : dot >= 0 || dot * dot <= c * c * d2;
}
