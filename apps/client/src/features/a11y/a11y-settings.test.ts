import { describe, expect, it } from "vitest";
import { DEFAULT_A11Y, hintMs, masterMixing, motionReduced, parseA11y } from "./a11y-settings.js";
import { A11Y_KEY, createA11yStore, type A11yStorage } from "./a11y-store.js";

function memory(initial?: string): A11yStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(A11Y_KEY, initial);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("accessibility settings", () => {
  it("follow the system's reduced-motion wish unless the person chose", () => {
    expect(DEFAULT_A11Y.motion).toBe("system");
    expect(motionReduced("system", true)).toBe(true);
    expect(motionReduced("system", false)).toBe(false);
    expect(motionReduced("full", true)).toBe(false);
    expect(motionReduced("reduce", false)).toBe(true);
  });

  it("keep only offered choices from storage", () => {
    expect(parseA11y({ motion: "reduce", monoAudio: true, hintTime: 3 })).toEqual({ motion: "reduce", monoAudio: true, hintTime: 3 });
    expect(parseA11y({ motion: "wobbly", monoAudio: "yes", hintTime: 1000 })).toEqual(DEFAULT_A11Y);
    expect(parseA11y(null)).toEqual(DEFAULT_A11Y);
  });

  it("survive a reload, and unreadable storage gives the defaults", () => {
    const storage = memory();
    createA11yStore(storage).getState().set({ monoAudio: true, hintTime: 2 });
    expect(createA11yStore(storage).getState()).toMatchObject({ monoAudio: true, hintTime: 2, motion: "system" });
    expect(createA11yStore(memory("{not json")).getState()).toMatchObject(DEFAULT_A11Y);
  });

  it("stretch timed notices by the chosen multiple", () => {
    expect(hintMs(6000, 1)).toBe(6000);
    expect(hintMs(6000, 3)).toBe(18_000);
  });

  it("mix the voice bus to one channel for mono audio (the browser's speaker downmix: (L + R) / 2)", () => {
    expect(masterMixing(true)).toEqual({ channelCount: 1, channelCountMode: "explicit", channelInterpretation: "speakers" });
    expect(masterMixing(false).channelCount).toBe(2);
  });
});
