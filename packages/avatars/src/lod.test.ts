import { describe, expect, it } from "vitest";
import { Lod, selectLod, updatesThisFrame } from "./lod.js";

describe("level of detail", () => {
  it("is near up close, far across the room and distant at the back of an auditorium", () => {
    expect(selectLod(2, Lod.near)).toBe(Lod.near);
    expect(selectLod(9, Lod.near)).toBe(Lod.far);
    expect(selectLod(20, Lod.near)).toBe(Lod.distant);
    expect(selectLod(Number.NaN, Lod.near)).toBe(Lod.distant);
  });

  it("does not flicker at a boundary: stepping back up needs to come 0.75 m closer", () => {
    expect(selectLod(6.8, Lod.far)).toBe(Lod.far);
    expect(selectLod(6.2, Lod.far)).toBe(Lod.near);
    expect(selectLod(14.5, Lod.distant)).toBe(Lod.distant);
    expect(selectLod(14.5, Lod.far)).toBe(Lod.far);
  });

  it("animates far avatars at a quarter of the rate, staggered so each frame does a similar share", () => {
    const perFrame = [0, 1, 2, 3].map((frame) => Array.from({ length: 100 }, (_, i) => updatesThisFrame(Lod.far, frame, i)).filter(Boolean).length);
    expect(perFrame).toEqual([25, 25, 25, 25]);
    expect(updatesThisFrame(Lod.near, 7, 3)).toBe(true);
    const distant = Array.from({ length: 80 }, (_, i) => updatesThisFrame(Lod.distant, 5, i)).filter(Boolean).length;
    expect(distant).toBe(10);
  });
});
