import { describe, expect, it } from "vitest";
import { cueView, nextSpeaking, SPEAKING_HOLD_MS, type SpeakingState } from "./cues.js";
import { blinkClosure } from "./blink.js";
import { ReactionFloats, REACTION_LIFETIME_MS } from "./reactions.js";

function run(levels: Array<[number, number]>, muted = false): SpeakingState["kind"][] {
  let s: SpeakingState = { kind: "silent" };
  return levels.map(([t, level]) => (s = nextSpeaking(s, level, muted, t)).kind);
}

describe("speaking cue state machine", () => {
  it("starts on a voice, keeps on through a short pause, stops after a longer silence", () => {
    expect(run([[0, 0.02], [50, 0.3], [100, 0.01], [300, 0.02], [350, 0.4], [400, 0.0], [400 + SPEAKING_HOLD_MS, 0.0]])).toEqual([
      "silent", "speaking", "trailing", "trailing", "speaking", "trailing", "silent",
    ]);
  });

  it("ignores noise between the two thresholds when silent", () => {
    expect(run([[0, 0.08], [50, 0.1], [100, 0.09]])).toEqual(["silent", "silent", "silent"]);
  });

  it("is always silent when muted", () => {
    expect(run([[0, 0.9], [50, 0.9]], true)).toEqual(["silent", "silent"]);
  });
});

describe("visible cues", () => {
  const base = { speaking: { kind: "speaking" } as SpeakingState, level: 0.5, muted: false, handRaised: false, away: false, connected: true };
  it("show a ring and an open mouth while speaking", () => {
    const v = cueView(base);
    expect(v.speakingRing).toBe(true);
    expect(v.mouth).toBeGreaterThan(0.5);
  });
  it("show the muted icon and no ring when muted", () => {
    const v = cueView({ ...base, muted: true });
    expect(v).toMatchObject({ speakingRing: false, mouth: 0, mutedIcon: true });
  });
  it("show away and a raised hand, and hide speaking while away", () => {
    expect(cueView({ ...base, away: true, handRaised: true })).toMatchObject({ away: true, handRaised: true, speakingRing: false });
  });
  it("show nothing but the tag while the connection is dropped", () => {
    expect(cueView({ ...base, connected: false, handRaised: true, muted: true })).toMatchObject({ speakingRing: false, handRaised: false, mutedIcon: false, away: false });
  });
});

describe("blinks", () => {
  it("happen about every four seconds, briefly, and not in step between people", () => {
    const closedMs = (seed: number) => Array.from({ length: 40_000 / 10 }, (_, i) => blinkClosure(i * 10, seed)).filter((c) => c > 0.5).length * 10;
    expect(closedMs(1)).toBeGreaterThan(300);
    expect(closedMs(1)).toBeLessThan(1200);
    const a = Array.from({ length: 4000 }, (_, i) => blinkClosure(i * 10, 1) > 0.5);
    const b = Array.from({ length: 4000 }, (_, i) => blinkClosure(i * 10, 2) > 0.5);
    expect(a.some((x, i) => x !== b[i])).toBe(true);
  });
});

describe("floating reactions", () => {
  it("rise, fade and expire; at most four per person at once", () => {
    const floats = new ReactionFloats();
    for (let i = 0; i < 6; i++) floats.add("ada", "heart", i * 10);
    floats.add("ben", "clap", 0);
    expect(floats.active(100).filter((r) => r.owner === "ada")).toHaveLength(4);
    const early = floats.active(200).find((r) => r.owner === "ben")!;
    const late = floats.active(2400).find((r) => r.owner === "ben")!;
    expect(late.rise).toBeGreaterThan(early.rise);
    expect(late.opacity).toBeLessThan(1);
    expect(floats.active(REACTION_LIFETIME_MS + 100)).toHaveLength(0);
  });

  it("stand still and opaque when motion is reduced, and still go at the end of their time", () => {
    const floats = new ReactionFloats();
    floats.add("ben", "clap", 0);
    const early = floats.active(200, true)[0]!;
    const late = floats.active(2400, true)[0]!;
    expect(late.rise).toBe(early.rise);
    expect([early.opacity, late.opacity]).toEqual([1, 1]);
    expect(floats.active(REACTION_LIFETIME_MS + 100, true)).toHaveLength(0);
  });
});
