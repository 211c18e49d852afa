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

/** Horizontal forward of a head (three.js looks down −z): [x, z], not normalised. */
function forward(head: AvatarPose["head"]): [number, number] {
  const [x, y, z, w] = head.q;
  return [-2 * (x * z + w * y), -(1 - 2 * (x * x + y * y))];
}

/**
 * The tier a viewer should follow an avatar in: near when close, or within `nearMetres` and in front
 * of the viewer's eyes; far otherwise. `current` widens the limits a little so a person standing on
 * the line does not flip between tiers.
 */
export function interestTier(viewer: AvatarPose, avatar: AvatarPose, current: Tier | undefined, rules = DEFAULT_INTEREST): Tier {
  const dx = avatar.head.p[0] - viewer.head.p[0];
  const dz = avatar.head.p[2] - viewer.head.p[2];
  // squares and one square root: this runs for every pair of people five times a second
  const d2 = dx * dx + dz * dz;
  const keep = current === Tier.near;
  const close = rules.closeMetres + (keep ? rules.nearMarginMetres : 0);
  if (d2 < close * close) return Tier.near;
  const near = rules.nearMetres + (keep ? rules.nearMarginMetres : 0);
  if (d2 > near * near) return Tier.far;
  return inView(viewer, avatar, keep, rules) ? Tier.near : Tier.far;
}

/**
 * Whether an avatar is within the viewer's horizontal view (`viewHalfAngle`, widened by
 * `viewMarginAngle` when `keep`, so one on the edge does not flip). Looking straight up or down,
 * everything around may be in view.
 */
export function inView(viewer: AvatarPose, avatar: AvatarPose, keep: boolean, rules = DEFAULT_INTEREST): boolean {
  const dx = avatar.head.p[0] - viewer.head.p[0];
  const dz = avatar.head.p[2] - viewer.head.p[2];
  const d = Math.sqrt(dx * dx + dz * dz);
  if (d < 1e-6) return true;
  const [fx, fz] = forward(viewer.head);
  const f = Math.sqrt(fx * fx + fz * fz);
  if (f < 1e-6) return true;
  const cos = (fx * dx + fz * dz) / (f * d);
  const limit = rules.viewHalfAngle + (keep ? rules.viewMarginAngle : 0);
  return cos >= Math.cos(limit);
}
