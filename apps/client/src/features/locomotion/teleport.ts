import type { Vector3 } from "three";
import type { Walkable } from "./walkable.js";
import { clampToWalkable } from "./walkable.js";
import type { LocalRig } from "./local-rig.js";

/**
 * Moves the VR origin so the head lands above `point` (clamped to the walkable area), keeping
 * the person's real-world offset from the origin; the next pose message is marked as a teleport.
 */
export function teleportTo(rig: LocalRig, point: Vector3, walkable: Walkable): void {
  const origin = rig.origin;
  if (!origin) return;
  const [x, z] = clampToWalkable(point.x, point.z, walkable);
  const offsetX = rig.head.p[0] - origin.position.x;
  const offsetZ = rig.head.p[2] - origin.position.z;
  origin.position.x = x - offsetX;
  origin.position.z = z - offsetZ;
  origin.updateMatrixWorld();
  rig.head = { p: [x, rig.head.p[1], z], q: rig.head.q };
  rig.teleported = true;
}
