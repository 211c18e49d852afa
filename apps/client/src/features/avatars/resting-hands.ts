import type { Pose, Quat, Vec3 } from "@otc/presence";
import { rotateY, yawOf } from "../locomotion/walkable.js";

/** Where a desktop user's hands hang, relative to the head, in the head's yaw frame (metres). */
const REST: Vec3 = [0.24, -0.62, -0.16];

function yawQuat(yaw: number): Quat {
  return [0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)];
}

/**
 * Hands for someone without tracked controllers: hanging at the sides and a little forward,
 * turning with the head's yaw but not its pitch, so a person looking down does not fold their arms.
 */
export function restingHands(head: Pose): { left: Pose; right: Pose } {
  const yaw = yawOf(head.q);
  const q = yawQuat(yaw);
  const place = (side: 1 | -1): Pose => {
    const [dx, dz] = rotateY(REST[0] * side, REST[2], yaw);
    return { p: [head.p[0] + dx, head.p[1] + REST[1], head.p[2] + dz], q };
  };
  return { left: place(-1), right: place(1) };
}

/** The torso hangs below the head and follows only its yaw. */
export function torsoPose(head: Pose): Pose {
  const yaw = yawOf(head.q);
  return { p: [head.p[0], head.p[1] - 0.55, head.p[2]], q: yawQuat(yaw) };
}
