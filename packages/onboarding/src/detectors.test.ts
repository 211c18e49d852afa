import { describe, expect, it } from "vitest";
import { angleDelta, bodyTurnDetector, detectorFor, drawDetector, handDetector, lookDetector, mouseTurnDetector, moveDetector, muteDetector, palmMenuDetector, slidesDetector, type Detector } from "./detectors.js";
import type { OnboardingEvent } from "./events.js";
import { DEFAULT_PARAMS } from "./steps.js";

const DEG = Math.PI / 180;
const pose = (yawDeg: number, at = 0, x = 0, z = 0): OnboardingEvent => ({ kind: "pose", at, x, z, yaw: yawDeg * DEG });
/** Feeds events in order; answers whether any completed the step. */
const run = (d: Detector, events: OnboardingEvent[]) => events.map((e) => d.feed(e)).some(Boolean);
/** A head turning smoothly from `from` to `to` degrees in 5° samples. */
const sweep = (from: number, to: number) => {
  const out: OnboardingEvent[] = [];
  const step = from < to ? 5 : -5;
  for (let a = from; step > 0 ? a <= to : a >= to; a += step) out.push(pose(a));
  return out;
};

describe("look around", () => {
  it("counts a turn of 90° to each side", () => {
    expect(run(lookDetector(80), [...sweep(0, 90), ...sweep(90, -90)])).toBe(true);
  });
  it("does not count a 45° look each way", () => {
    expect(run(lookDetector(80), [...sweep(0, 45), ...sweep(45, -45), ...sweep(-45, 0)])).toBe(false);
  });
  it("does not count a full turn to one side only, across the ±180° seam", () => {
    expect(run(lookDetector(80), sweep(0, 350))).toBe(false);
    expect(angleDelta(170 * DEG, -170 * DEG)).toBeCloseTo(20 * DEG);
  });
});

describe("turn with the mouse (desktop)", () => {
  it("counts turning most of the way round, not a glance", () => {
    expect(run(mouseTurnDetector(150), sweep(0, 60))).toBe(false);
    expect(run(mouseTurnDetector(150), sweep(0, -160))).toBe(true);
  });
});

describe("move to the marked spot", () => {
  const spot = { x: 2, z: -3, radius: 0.6 };
  it("counts a VR teleport landing inside the spot", () => {
    expect(run(moveDetector(spot, true), [{ kind: "teleport", at: 1, x: 2.3, z: -3.2 }])).toBe(true);
  });
  it("does not count a teleport landing just outside the spot", () => {
    expect(run(moveDetector(spot, true), [{ kind: "teleport", at: 1, x: 2.7, z: -3 }])).toBe(false);
  });
  it("in VR, poses alone do not count (the skill is the teleport); on desktop, walking in does", () => {
    expect(run(moveDetector(spot, true), [pose(0, 1, 2, -3)])).toBe(false);
    expect(run(moveDetector(spot, false), [pose(0, 1, 0, 0), pose(0, 2, 1, -2), pose(0, 3, 1.9, -2.8)])).toBe(true);
  });
});

describe("mute and unmute", () => {
  const mute = (muted: boolean, at: number): OnboardingEvent => ({ kind: "mute", at, muted });
  it("counts a mute then an unmute a moment later", () => {
    expect(run(muteDetector(100), [mute(true, 1000), mute(false, 2500)])).toBe(true);
  });
  it("counts either order (someone who arrived muted)", () => {
    expect(run(muteDetector(100), [mute(false, 1000), mute(true, 1800)])).toBe(true);
  });
  it("does not count a double tap within 100 ms", () => {
    expect(run(muteDetector(100), [mute(true, 1000), mute(false, 1060)])).toBe(false);
  });
  it("does not count the same state reported twice", () => {
    expect(run(muteDetector(100), [mute(true, 1000), mute(true, 3000)])).toBe(false);
  });
});

describe("raise and lower a hand, send a reaction", () => {
  it("needs all three", () => {
    const d = handDetector();
    expect(run(d, [{ kind: "hand", at: 1, raised: true }, { kind: "hand", at: 2, raised: false }])).toBe(false);
    expect(d.feed({ kind: "reaction", at: 3 })).toBe(true);
  });
  it("a lowered hand that was never raised does not count", () => {
    expect(run(handDetector(), [{ kind: "hand", at: 1, raised: false }, { kind: "reaction", at: 2 }, { kind: "hand", at: 3, raised: true }])).toBe(false);
  });
});

describe("draw on the practice board", () => {
  it("counts a stroke on the practice board, not on another one", () => {
    expect(run(drawDetector("practice"), [{ kind: "stroke", at: 1, boardId: "main", length: 900 }])).toBe(false);
    expect(run(drawDetector("practice"), [{ kind: "stroke", at: 1, boardId: "practice", length: 900 }])).toBe(true);
  });
  it("does not count a dot (a tap, or a line too short to see)", () => {
    expect(run(drawDetector("practice"), [{ kind: "stroke", at: 1, boardId: "practice", length: 0 }, { kind: "stroke", at: 2, boardId: "practice", length: 20 }])).toBe(false);
  });
});

describe("point at the screen and turn a page", () => {
  it("in VR needs the laser on the practice screen and a page turn", () => {
    const d = slidesDetector("practice", true);
    expect(d.feed({ kind: "page-turn", at: 1, screenId: "practice" })).toBe(false);
    expect(d.feed({ kind: "screen-pointer", at: 2, screenId: "other" })).toBe(false);
    expect(d.feed({ kind: "screen-pointer", at: 3, screenId: "practice" })).toBe(true);
  });
  it("on desktop a page turn is enough", () => {
    expect(run(slidesDetector(null, false), [{ kind: "page-turn", at: 1, screenId: "main" }])).toBe(true);
  });
});

describe("VR with tracked hands (no thumbstick, no menu button)", () => {
  const places = { spot: { x: 0, z: -2, radius: 0.6 }, boardId: null, screenId: null };
  it("turning the body most of the way round is the turn; a 45° glance is not", () => {
    expect(run(bodyTurnDetector(150), sweep(0, 45))).toBe(false);
    expect(run(bodyTurnDetector(150), sweep(0, 160))).toBe(true);
    expect(run(bodyTurnDetector(150), [{ kind: "snap-turn", at: 1 }])).toBe(true);
    // Controllers keep the snap turn: the same body turn does not count there.
    expect(run(detectorFor("turn", "vr-controllers", places, DEFAULT_PARAMS), sweep(0, 160))).toBe(false);
    expect(run(detectorFor("turn", "vr-hands", places, DEFAULT_PARAMS), sweep(0, 160))).toBe(true);
  });
  it("the menu counts when the palm turned up opened it, not when something else did", () => {
    expect(run(palmMenuDetector(), [{ kind: "menu-open", at: 1, byPalm: false }])).toBe(false);
    expect(run(palmMenuDetector(), [{ kind: "menu-open", at: 1 }])).toBe(false);
    expect(run(palmMenuDetector(), [{ kind: "menu-open", at: 2, byPalm: true }])).toBe(true);
    expect(run(detectorFor("menu", "vr-hands", places, DEFAULT_PARAMS), [{ kind: "menu-open", at: 1, byPalm: false }])).toBe(false);
    expect(run(detectorFor("menu", "vr-controllers", places, DEFAULT_PARAMS), [{ kind: "menu-open", at: 1, byPalm: false }])).toBe(true);
  });
});
