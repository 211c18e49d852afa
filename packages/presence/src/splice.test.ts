import { describe, expect, it } from "vitest";
import { FRAME_DELTA, PresenceDecoder, PresenceTier, joinFrame } from "./codec.js";
import { quantiseAvatar } from "./codec-state.js";
import { simulatedMotion } from "./motion.js";
import { Splice, tickEntries } from "./splice.js";

/** One tick of a tier with `n` moving avatars (slots 0…n−1): its entries by slot. */
function tierTick(n: number): Map<number, Uint8Array> {
  const tier = new PresenceTier();
  const poses = (t: number) => Array.from({ length: n }, (_, s) => [s, quantiseAvatar(simulatedMotion(t, s, [s, 0]))] as [number, ReturnType<typeof quantiseAvatar>]);
  tier.encode(poses(0));
  return tier.encode(poses(0.05));
}

describe("splicing a viewer's frame", () => {
  it("writes the same bytes as joining the entries one by one, for any selection and count past 126", () => {
    const entries = tierTick(200);
    const table = tickEntries(entries);
    for (const pick of [(s: number) => s % 3 !== 1, (s: number) => s < 130, () => true, (s: number) => s === 7]) {
      const frame = new Splice();
      const chosen: Uint8Array[] = [];
      for (const slot of table.slots) {
        if (!pick(slot)) continue;
        frame.addFrom(table, slot);
        chosen.push(entries.get(slot)!);
      }
      expect(frame.frame(FRAME_DELTA)).toEqual(joinFrame(FRAME_DELTA, chosen));
    }
  });

  it("copies neighbouring entries of one tick as one range, and a viewer still reads every avatar", () => {
    const entries = tierTick(40);
    const table = tickEntries(entries);
    const frame = new Splice();
    for (const slot of table.slots) if (slot !== 20) frame.addFrom(table, slot);
    frame.addEntry(entries.get(20)!); // an entry of its own, after the rest
    expect(frame.count).toBe(40);
    expect(frame.copies).toBe(3); // 0–19, 21–39, 20
    const keyframeless = new PresenceDecoder();
    // the entries are deltas against the first tick: a viewer holding that tick reads all 40
    const first = new PresenceTier();
    const poses0 = Array.from({ length: 40 }, (_, s) => [s, quantiseAvatar(simulatedMotion(0, s, [s, 0]))] as [number, ReturnType<typeof quantiseAvatar>]);
    keyframeless.apply(joinFrame(FRAME_DELTA, [...first.encode(poses0).values()]));
    expect(keyframeless.apply(frame.frame(FRAME_DELTA)).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, s) => s));
  });
});
