import { spawnPointFor, type RoomLayout } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";

/** Standing eye height used for a fresh avatar at a spawn point, metres. */
export const SPAWN_EYE_HEIGHT = 1.6;

/** Slots below this are coded in one byte in presence frames; above it they cost three. */
export const SHORT_SLOTS = 254;

/**
 * The next free slot after `last`, round robin below SHORT_SLOTS (beyond it only when all short
 * slots are taken). Round robin rather than smallest-free: a client may still hold the decoder
 * state of someone who just left when a newcomer's first frame arrives, and must not mix the two.
 */
export function nextFreeSlot(used: Iterable<number>, last: number): number {
  const taken = new Set(used);
  for (let i = 1; i <= SHORT_SLOTS; i++) {
    const slot = (((last + i) % SHORT_SLOTS) + SHORT_SLOTS) % SHORT_SLOTS;
    if (!taken.has(slot)) return slot;
  }
  let slot = SHORT_SLOTS;
  while (taken.has(slot)) slot++;
  return slot;
}

/** The first pose of the person holding `slot` (the client computes the same spot from its slot). */
export function spawnPose(layout: RoomLayout, slot: number): AvatarPose {
  const spawn = spawnPointFor(layout, slot);
  const half = (spawn.yawDeg * Math.PI) / 360; // half the yaw, radians
  const [x, , z] = spawn.position;
  return {
    head: { p: [x, spawn.position[1] + SPAWN_EYE_HEIGHT, z], q: [0, Math.sin(half), 0, Math.cos(half)] },
    left: null,
    right: null,
  };
}
