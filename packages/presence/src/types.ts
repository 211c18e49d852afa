/** Metres, world space, y up, floor at y = 0. */
export type Vec3 = [number, number, number];
/** Unit quaternion [x, y, z, w]. */
export type Quat = [number, number, number, number];

export interface Pose {
  p: Vec3;
  q: Quat;
}

/** What one person's presence is made of: the head, and each hand when tracked. */
export interface AvatarPose {
  head: Pose;
  left: Pose | null;
  right: Pose | null;
}

export function clonePose(pose: Pose): Pose {
  return { p: [pose.p[0], pose.p[1], pose.p[2]], q: [pose.q[0], pose.q[1], pose.q[2], pose.q[3]] };
}

export function cloneAvatarPose(a: AvatarPose): AvatarPose {
  return { head: clonePose(a.head), left: a.left ? clonePose(a.left) : null, right: a.right ? clonePose(a.right) : null };
}
