import type { Object3D } from "three";

/** The rendered parts of one remote avatar, for test hooks and debugging (world positions). */
export interface AvatarParts {
  head: Object3D;
  left: Object3D;
  right: Object3D;
  /** False for desktop users, whose hands are drawn resting, not tracked. */
  tracked: { left: boolean; right: boolean };
}

export type AvatarRegistry = Map<string, AvatarParts>;
