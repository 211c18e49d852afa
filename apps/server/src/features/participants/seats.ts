import type { RoomLayout } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";

/** Standing eye height used for a fresh avatar at a spawn point, metres. */
export const SPAWN_EYE_HEIGHT = 1.6;

/** The smallest non-negative integer not in `used`: slots stay small so presence frames stay short. */
export function smallestFreeSlot(used: Iterable<number>): number {
  const taken = new Set(used);
  let slot = 0;
  while (taken.has(slot)) slot++;
  return slot;
}

/** Where the n-th person to join appears: the layout's spawn points, round robin. */
export function spawnPose(layout: RoomLayout, joinIndex: number): AvatarPose {
  const spawn = layout.spawns[joinIndex % layout.spawns.length] ?? layout.spawns[0];
  if (!spawn) throw new Error(`room layout ${layout.id} has no spawn points`);
  const half = (spawn.yawDeg * Math.PI) / 360; // half the yaw, radians
  const [x, , z] = spawn.position;
  return {
    head: { p: [x, spawn.position[1] + SPAWN_EYE_HEIGHT, z], q: [0, Math.sin(half), 0, Math.cos(half)] },
    left: null,
    right: null,
  };
}
