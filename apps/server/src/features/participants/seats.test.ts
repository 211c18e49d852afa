import { describe, expect, it } from "vitest";
import type { RoomLayout } from "@otc/contract";
import { SHORT_SLOTS, SPAWN_CLEARANCE_M, SPAWN_EYE_HEIGHT, freeSpawn, nextFreeSlot, spawnPose } from "./seats.js";

describe("nextFreeSlot", () => {
  it("goes round robin, so a slot just freed is not handed out again at once", () => {
    expect(nextFreeSlot([], -1)).toBe(0);
    expect(nextFreeSlot([0, 1, 2], 2)).toBe(3);
    expect(nextFreeSlot([0, 2, 3], 3)).toBe(4); // slot 1 was freed a moment ago: not reused yet
    expect(nextFreeSlot([5], SHORT_SLOTS - 1)).toBe(0); // wraps within the one-byte range
  });

  it("goes beyond the one-byte range only when every short slot is taken", () => {
    const all = Array.from({ length: SHORT_SLOTS }, (_, i) => i);
    expect(nextFreeSlot(all, 10)).toBe(SHORT_SLOTS);
    expect(nextFreeSlot([...all, SHORT_SLOTS], 10)).toBe(SHORT_SLOTS + 1);
  });
});

describe("spawnPose", () => {
  const layout = {
    spawns: [
      { position: [1, 0, 2], yawDeg: 0 },
      { position: [-1, 0.5, 3], yawDeg: 90 },
    ],
  } as unknown as RoomLayout;

  it("goes round the spawn points at standing eye height", () => {
    expect(spawnPose(layout, 0).head.p).toEqual([1, SPAWN_EYE_HEIGHT, 2]);
    expect(spawnPose(layout, 1).head.p).toEqual([-1, 0.5 + SPAWN_EYE_HEIGHT, 3]);
    expect(spawnPose(layout, 2).head.p).toEqual([1, SPAWN_EYE_HEIGHT, 2]);
  });

  it("turns the head by the spawn's yaw, with no hands", () => {
    const { head, left, right } = spawnPose(layout, 1);
    expect(head.q[1]).toBeCloseTo(Math.SQRT1_2);
    expect(head.q[3]).toBeCloseTo(Math.SQRT1_2);
    expect(left).toBeNull();
    expect(right).toBeNull();
  });
});

describe("freeSpawn", () => {
  const layout = {
    spawns: [
      { position: [0, 0, 0], yawDeg: 0 },
      { position: [2, 0, 0], yawDeg: 0 },
      { position: [4, 0, 0], yawDeg: 0 },
    ],
  } as unknown as RoomLayout;

  it("takes the preferred spawn when nobody stands there", () => {
    expect(freeSpawn(layout, [], 1)).toBe(1);
    expect(freeSpawn(layout, [[0, 0]], 4)).toBe(1); // preferred wraps: 4 → spawn 1
  });

  it("never picks a spawn someone stands on while another is free", () => {
    // Someone walked onto spawn 1 (a late joiner would once have been placed inside them).
    expect(freeSpawn(layout, [[2.1, 0.1]], 1)).toBe(2);
    expect(freeSpawn(layout, [[2, 0], [4, 0]], 1)).toBe(0);
    expect(freeSpawn(layout, [[SPAWN_CLEARANCE_M - 0.01, 0]], 0)).toBe(1);
  });

  it("when every spawn is taken, picks the one whose nearest person is furthest away", () => {
    expect(freeSpawn(layout, [[0, 0], [2, 0], [4.5, 0]], 0)).toBe(2);
  });
});
