import { Lod } from "@otc/avatars";
import { describe, expect, it } from "vitest";
import { CULLED_EVERY, CULLED_MAX_AGE_MS, EVERY_FRAME_WITHIN, FULL_DETAIL_MAX, NEAR_EVERY, animatesThisFrame, fullDetailLimit } from "./avatar-schedule.js";

/** Frames out of `frames` on which the avatar at `index` is re-animated. */
const updates = (lod: Lod, inView: boolean, index: number, frames = 64, distance = 0) =>
  Array.from({ length: frames }, (_, f) => f).filter((f) => animatesThisFrame(lod, inView, f, index, 0, distance)).length;

describe("which avatars are re-animated this frame", () => {
  it("animates near avatars in view every frame up close (mouth, blinks, gaze)", () => {
    for (let i = 0; i < 5; i++) expect(updates(Lod.near, true, i)).toBe(64);
    for (let i = 0; i < 5; i++) expect(updates(Lod.near, true, i, 64, EVERY_FRAME_WITHIN)).toBe(64);
  });

  it("animates the other near avatars every 2nd frame, half of them each frame", () => {
    expect(NEAR_EVERY).toBe(2); // 36 Hz at 72 Hz: above presence's 20 Hz
    for (let i = 0; i < 5; i++) expect(updates(Lod.near, true, i, 64, EVERY_FRAME_WITHIN + 0.1)).toBe(64 / NEAR_EVERY);
    for (let f = 0; f < 4; f++) {
      const n = Array.from({ length: 30 }, (_, i) => i).filter((i) => animatesThisFrame(Lod.near, true, f, i, 0, 6)).length;
      expect(n).toBe(15);
    }
  });

  it("animates far ones every 4th frame and distant ones every 8th, staggered by index", () => {
    expect(updates(Lod.far, true, 0)).toBe(16);
    expect(updates(Lod.distant, true, 3)).toBe(8);
    // 40 far avatars: each frame re-animates a quarter of them, never all at once
    for (let f = 0; f < 8; f++) {
      const n = Array.from({ length: 40 }, (_, i) => i).filter((i) => animatesThisFrame(Lod.far, true, f, i)).length;
      expect(n).toBe(10);
    }
  });

  it("animates avatars out of view at the slowest rate, whatever their level, spread over frames", () => {
    expect(updates(Lod.near, false, 0)).toBe(64 / CULLED_EVERY);
    expect(updates(Lod.far, false, 5)).toBe(64 / CULLED_EVERY);
    const perFrame = Array.from({ length: CULLED_EVERY }, (_, f) => Array.from({ length: 80 }, (_, i) => i).filter((i) => animatesThisFrame(Lod.near, false, f, i)).length);
    expect(perFrame).toEqual(Array(CULLED_EVERY).fill(80 / CULLED_EVERY));
  });

  it("re-animates an avatar out of view once its view is too old, on slow frames too", () => {
    expect(animatesThisFrame(Lod.near, false, 1, 0, CULLED_MAX_AGE_MS - 1)).toBe(false);
    expect(animatesThisFrame(Lod.near, false, 1, 0, CULLED_MAX_AGE_MS)).toBe(true);
    expect(animatesThisFrame(Lod.far, true, 1, 0, 10_000)).toBe(false); // in view, the frame rule alone
  });
});

describe("the nearest avatars keep full detail", () => {
  const scratch = new Float64Array(400);

  it("keeps everyone when there are no more than the cap", () => {
    const d = Float64Array.from([5, 1, 3]);
    expect(fullDetailLimit(d, 3, 3, scratch)).toBe(Number.POSITIVE_INFINITY);
    expect(fullDetailLimit(d, 3, 0, scratch)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("returns the cap-th nearest distance, leaving the input as it was", () => {
    const d = Float64Array.from([9, 2, 7, 4, 4.5, 1, 8]);
    expect(fullDetailLimit(d, 7, 3, scratch)).toBe(4);
    expect(fullDetailLimit(d, 5, 2, scratch)).toBe(4); // only the first 5 count
    expect([...d]).toEqual([9, 2, 7, 4, 4.5, 1, 8]);
  });

  it("agrees with a sort on seeded random crowds of 300", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 20;
    for (let run = 0; run < 20; run++) {
      const d = Float64Array.from({ length: 300 }, rand);
      const limit = fullDetailLimit(d, 300, FULL_DETAIL_MAX, scratch);
      expect(limit).toBe([...d].sort((a, b) => a - b)[FULL_DETAIL_MAX - 1]);
      expect([...d].filter((x) => x <= limit)).toHaveLength(FULL_DETAIL_MAX);
    }
  });
});
