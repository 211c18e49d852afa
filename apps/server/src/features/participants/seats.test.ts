import { describe, expect, it } from "vitest";
import type { RoomLayout } from "@otc/contract";
import { SPAWN_EYE_HEIGHT, smallestFreeSlot, spawnPose } from "./seats.js";

describe("smallestFreeSlot", () => {
  it("fills holes before growing", () => {
    expect(smallestFreeSlot([])).toBe(0);
    expect(smallestFreeSlot([0, 1, 2])).toBe(3);
    expect(smallestFreeSlot([0, 2, 3])).toBe(1);
    expect(smallestFreeSlot([1])).toBe(0);
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
