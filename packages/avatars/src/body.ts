import { BODY_SHAPES, type BodyShape } from "@otc/contract";
import type { ArmLengths } from "./arm-ik.js";
import { add, rotateYaw, wrapAngle, type Vec3 } from "./vec.js";

export interface BodyDimensions extends ArmLengths {
  shoulderHalfWidth: number; // metres
  /** Torso scale across (x) and front to back (z), 1 = regular. */
  girth: [number, number];
}

const DIMENSIONS: Record<BodyShape, BodyDimensions> = {
  slim: { shoulderHalfWidth: 0.165, girth: [0.86, 0.85], upper: 0.29, fore: 0.27 },
  regular: { shoulderHalfWidth: 0.185, girth: [1, 1], upper: 0.3, fore: 0.28 },
  broad: { shoulderHalfWidth: 0.215, girth: [1.18, 1.15], upper: 0.31, fore: 0.29 },
};

export function bodyDimensions(shape: BodyShape): BodyDimensions {
  return DIMENSIONS[BODY_SHAPES.includes(shape) ? shape : "regular"];
}

/** Metres below the eyes: the base of the neck, where the torso hangs from. */
export const NECK_DROP = 0.2;
const SHOULDER_DROP = 0.27; // metres below the eyes
const NECK_BACK = 0.07; // metres: the neck is behind the eyes

/** Shoulder joints of a torso whose neck hangs below `head` and faces `torsoYaw`. */
export function shoulders(head: Vec3, torsoYaw: number, dims: BodyDimensions): { left: Vec3; right: Vec3; neck: Vec3 } {
  const neck = add(head, rotateYaw([0, -NECK_DROP, NECK_BACK], torsoYaw));
  const w = dims.shoulderHalfWidth; // no closure per call: this runs for every re-animated avatar
  return { left: add(head, rotateYaw([-w, -SHOULDER_DROP, NECK_BACK], torsoYaw)), right: add(head, rotateYaw([w, -SHOULDER_DROP, NECK_BACK], torsoYaw)), neck };
}

const MAX_TWIST = (50 * Math.PI) / 180; // radians a neck turns before the body must follow
const TORSO_LAG_S = 0.45; // time constant of the torso catching up with the head

/**
 * The torso's yaw after `dtS` seconds: it eases towards where the head faces with a natural lag,
 * and never lets the head twist more than 50° from it.
 */
export function followYaw(torsoYaw: number, headYaw: number, dtS: number): number {
  let diff = wrapAngle(headYaw - torsoYaw);
  let yaw = torsoYaw;
  if (Math.abs(diff) > MAX_TWIST) {
    yaw = headYaw - Math.sign(diff) * MAX_TWIST;
    diff = Math.sign(diff) * MAX_TWIST;
  }
  const k = 1 - Math.exp(-Math.max(0, dtS) / TORSO_LAG_S);
  return wrapAngle(yaw + diff * k);
}
