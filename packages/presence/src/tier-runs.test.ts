import { describe, expect, it } from "vitest";
import { FRAME_DELTA, joinFrame } from "./codec.js";
import { DEFAULT_INTEREST, Tier } from "./interest.js";
import { TierRuns } from "./tier-runs.js";
import { BEHIND, LEAN, UNASSIGNED, assign, tableOf, type Viewer } from "./viewer-tiers.js";

const viewer = (): Viewer => ({ slot: 0, low: false, rules: DEFAULT_INTEREST, tiers: new Uint8Array(4), assigned: 0, near: [], since: 0 });
/** An entry of `length` bytes, each the slot's number (so a misplaced byte shows). */
const entry = (slot: number, length: number) => new Uint8Array(length).fill(slot);

describe("TierRuns", () => {
  it("splices the entries a viewer follows in each tier into the frame joinFrame makes of them, in the same order", () => {
    // a far table of 12 avatars of varied sizes (long entries take the runtime's copy, short ones the loop)
    const farEntries = new Map(Array.from({ length: 12 }, (_, i) => [i + 1, entry(i + 1, i % 3 === 0 ? 40 : 5 + i)] as const));
    const leanEntries = new Map([[20, entry(20, 7)], [21, entry(21, 9)]]);
    const [far, lean] = [tableOf(farEntries), tableOf(leanEntries)];
    const v = viewer();
    // follows far all but 4, 5 and 9 (near, unassigned, lean), and 21 in lean; 20 behind (not in this tick's lean)
    for (let s = 1; s <= 12; s++) if (s !== 5) assign(v, s, s === 4 ? Tier.near : s === 9 ? LEAN : Tier.far);
    assign(v, 21, LEAN);
    assign(v, 20, BEHIND);
    expect(v.tiers[5]).toBe(UNASSIGNED);
    // the near table holds 3 and 4: only 4 is followed near
    const nearEntries = new Map([[3, entry(3, 50)], [4, entry(4, 33)]]);
    const near = tableOf(nearEntries);
    const after = [entry(40, 2)];
    const runs = new TierRuns();
    runs.reset();
    runs.collect(v, near, Tier.near);
    runs.collect(v, far, Tier.far);
    runs.collect(v, lean, LEAN);
    expect(runs.count).toBe(11); // 1 near, 9 far, 1 lean
    const followed = [nearEntries.get(4)!, ...[1, 2, 3, 6, 7, 8, 10, 11, 12].map((s) => farEntries.get(s)!), leanEntries.get(21)!];
    const spliced = runs.splice(FRAME_DELTA, after, 4, (n) => new Uint8Array(n));
    expect([...spliced]).toEqual([...joinFrame(FRAME_DELTA, [...followed, ...after], 4)]);
  });

  it("counts past 126 entries with the long header, and starts empty again after reset", () => {
    const manyEntries = new Map(Array.from({ length: 200 }, (_, i) => [i, entry(i, 3)] as const));
    const many = tableOf(manyEntries);
    const v = viewer();
    for (let s = 0; s < 200; s++) assign(v, s, Tier.far);
    const runs = new TierRuns();
    runs.reset();
    runs.collect(v, many, Tier.far);
    const frame = runs.splice(FRAME_DELTA, [], 0, (n) => new Uint8Array(n));
    expect([...frame]).toEqual([...joinFrame(FRAME_DELTA, [...manyEntries.values()])]);
    runs.reset();
    expect([runs.count, runs.bytes]).toEqual([0, 0]);
    expect([...runs.splice(FRAME_DELTA, [], 0, (n) => new Uint8Array(n))]).toEqual([...joinFrame(FRAME_DELTA, [])]);
  });
});
