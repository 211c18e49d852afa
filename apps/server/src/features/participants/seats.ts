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

/** Two people closer than this on the floor (metres) would stand inside each other. */
export const SPAWN_CLEARANCE_M = 0.8;

/**
 * Which spawn point a newcomer starts at: the first, from `preferred` on, with nobody standing
 * within SPAWN_CLEARANCE_M of it (`occupied`: where the others' heads are, x/z in metres). When
 * every spawn is taken, the one whose nearest person is furthest away, so nobody spawns inside
 * someone else while any space is left.
 */
export function freeSpawn(layout: RoomLayout, occupied: ReadonlyArray<readonly [number, number]>, preferred: number): number {
  const n = layout.spawns.length;
  let best = preferred % n;
  let bestGap = -1;
  for (let i = 0; i < n; i++) {
    const index = (preferred + i) % n;
    const [x, , z] = layout.spawns[index]!.position;
    const gap = occupied.reduce((min, [ox, oz]) => Math.min(min, Math.hypot(ox - x, oz - z)), Infinity);
    if (gap >= SPAWN_CLEARANCE_M) return index;
    if (gap > bestGap) [best, bestGap] = [index, gap];
  }
  return best;
}

/** The first pose of a person starting at spawn point `index` (the client computes the same spot from it). */
export function spawnPose(layout: RoomLayout, index: number): AvatarPose {
  const spawn = spawnPointFor(layout, index);
  const half = (spawn.yawDeg * Math.PI) / 360; // half the yaw, radians
  const [x, , z] = spawn.position;
  return {
    head: { p: [x, spawn.position[1] + SPAWN_EYE_HEIGHT, z], q: [0, Math.sin(half), 0, Math.cos(half)] },
    left: null,
    right: null,
  };
}
