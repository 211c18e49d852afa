import type { PoseMessage, PoseTuple } from "@otc/contract";
import type { Pose } from "@otc/presence";

export function toTuple(pose: Pose): PoseTuple {
  return [pose.p[0], pose.p[1], pose.p[2], pose.q[0], pose.q[1], pose.q[2], pose.q[3]];
}

const MOVE_EPSILON = 0.001; // metres: one quantisation step on the wire
const TURN_EPSILON = 0.001; // radians, roughly

function poseChanged(a: Pose | null, b: Pose | null): boolean {
  if (!a || !b) return a !== b;
  if (Math.hypot(a.p[0] - b.p[0], a.p[1] - b.p[1], a.p[2] - b.p[2]) > MOVE_EPSILON) return true;
  const dot = Math.abs(a.q[0] * b.q[0] + a.q[1] * b.q[1] + a.q[2] * b.q[2] + a.q[3] * b.q[3]);
  return 2 * Math.acos(Math.min(1, dot)) > TURN_EPSILON;
}

export interface LocalPose {
  head: Pose;
  left: Pose | null;
  right: Pose | null;
}

/** True when any part moved by more than the wire can show since the last message. */
export function localPoseChanged(next: LocalPose, last: LocalPose | null): boolean {
  if (!last) return true;
  return poseChanged(next.head, last.head) || poseChanged(next.left, last.left) || poseChanged(next.right, last.right);
}

export function poseMessage(pose: LocalPose, teleport: boolean): PoseMessage {
  const msg: PoseMessage = { h: toTuple(pose.head), l: pose.left && toTuple(pose.left), r: pose.right && toTuple(pose.right) };
  if (teleport) msg.teleport = true;
  return msg;
}
