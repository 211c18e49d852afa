import { add, dot, length, normalise, rotateYaw, scale, sub, type Vec3 } from "./vec.js";

export interface ArmLengths {
  upper: number; // metres, shoulder to elbow
  fore: number; // metres, elbow to wrist
}

export interface ArmSolution {
  elbow: Vec3;
  /** Where the wrist ends up: the target, or as close as the arm reaches. */
  hand: Vec3;
}

/**
 * Two-bone IK for an arm: given the shoulder, the hand target and a pole direction (where the elbow
 * should point), returns the elbow and the reached hand. Bone lengths are kept exactly; a target out
 * of reach leaves the arm almost straight towards it, one too close is pushed out to the shortest fold.
 */
export function solveArm(shoulder: Vec3, target: Vec3, pole: Vec3, arm: ArmLengths): ArmSolution {
  const { upper, fore } = arm;
  const toTarget = sub(target, shoulder);
  const dir = normalise(toTarget, [0, -1, 0]);
  const reach = Math.min(Math.max(length(toTarget), Math.abs(upper - fore) + 1e-3, 0.25 * (upper + fore)), (upper + fore) * 0.999);
  const hand = add(shoulder, scale(dir, reach));
  // Law of cosines: distance along the shoulder→hand line to the elbow's foot, then height off it.
  const along = (upper * upper - fore * fore + reach * reach) / (2 * reach);
  const off = Math.sqrt(Math.max(0, upper * upper - along * along));
  let bend = sub(pole, scale(dir, dot(pole, dir)));
  if (length(bend) < 1e-6) bend = sub([0, -1, 0], scale(dir, -dir[1])); // pole along the arm: bend downwards
  if (length(bend) < 1e-6) bend = [0, 0, 1];
  const elbow = add(add(shoulder, scale(dir, along)), scale(normalise(bend), off));
  return { elbow, hand };
}

/**
 * Where a relaxed elbow points for the given side (−1 left, +1 right) of a torso facing `yaw`: mostly
 * down and somewhat outward, as a person's elbows do when reaching forward or up.
 */
export function elbowPole(yaw: number, side: -1 | 1): Vec3 {
  return rotateYaw(normalise([0.7 * side, -1, 0]), yaw);
}
