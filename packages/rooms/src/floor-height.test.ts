import type { RoomLayout } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { floorHeightAt } from "./floor-height.js";

const room = (furniture: RoomLayout["furniture"]) => ({ furniture });

describe("floor height", () => {
  it("is the stage's top on the stage and 0 beside it", () => {
    const r = room([{ kind: "stage", position: [0, 0, -11.5], yawDeg: 0, size: [14, 0.45, 4.5] }]);
    expect(floorHeightAt(r, 0, -11.5)).toBe(0.45);
    expect(floorHeightAt(r, 6.9, -9.3)).toBe(0.45);
    expect(floorHeightAt(r, 7.1, -11.5)).toBe(0);
    expect(floorHeightAt(r, 0, -9.2)).toBe(0);
  });

  it("follows a turned stage in its own axes, and the default size when none is given", () => {
    const turned = room([{ kind: "stage", position: [5, 0, 0], yawDeg: 90, size: [8, 0.3, 2] }]);
    expect(floorHeightAt(turned, 5, 3.9)).toBe(0.3); // 8 m long now runs along z
    expect(floorHeightAt(turned, 7, 0)).toBe(0);
    expect(floorHeightAt(room([{ kind: "stage", position: [0, 0, 0], yawDeg: 0 }]), 2.9, 1.4)).toBe(0.25);
  });

  it("ignores other furniture", () => {
    expect(floorHeightAt(room([{ kind: "desk", position: [0, 0, 0], yawDeg: 0 }]), 0, 0)).toBe(0);
  });
});
