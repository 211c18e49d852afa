import { describe, expect, it } from "vitest";
import type { OnboardingEvent } from "./events.js";
import { OnboardingRun, isStuck } from "./onboarding-run.js";
import { stepsFor } from "./steps.js";

const places = { spot: { x: 0, z: -4, radius: 0.75 }, boardId: null, screenId: null };
const DEG = Math.PI / 180;

/** A scripted perfect desktop user: each step's events, starting at `t`. */
function perfectDesktop(t: number): OnboardingEvent[] {
  const yaw = (deg: number, at: number): OnboardingEvent => ({ kind: "pose", at, x: 0, z: 0, yaw: deg * DEG });
  return [
    { kind: "comfort", at: t },
    ...[0, 45, 90, 45, 0, -45, -90].map((d, i) => yaw(d, t + 100 + i)),
    { kind: "pose", at: t + 200, x: 0, z: -3.8, yaw: 0 },
    ...[0, -60, -120, -170].map((d, i) => yaw(d, t + 300 + i)),
    { kind: "menu-open", at: t + 400 },
    { kind: "mute", at: t + 500, muted: true },
    { kind: "mute", at: t + 900, muted: false },
    { kind: "hand", at: t + 1000, raised: true },
    { kind: "hand", at: t + 1100, raised: false },
    { kind: "reaction", at: t + 1200 },
    { kind: "stroke", at: t + 1300, boardId: "main", length: 600 },
    { kind: "page-turn", at: t + 1400, screenId: "main" },
  ];
}

describe("an onboarding run", () => {
  it("walks a perfect desktop user through every step to the end", () => {
    const run = new OnboardingRun("desktop", places, 0);
    for (const e of perfectDesktop(10)) run.feed(e);
    const s = run.state(2000);
    expect(s.step).toBeNull();
    expect(s.done).toEqual(stepsFor("desktop"));
    expect(s.finishedAt).toBe(1410);
    expect(s.hintDue || s.stuck).toBe(false);
  });

  it("an action of a later step done early does not count for it", () => {
    const run = new OnboardingRun("vr-controllers", places, 0);
    run.feed({ kind: "menu-open", at: 5 });
    run.feed({ kind: "comfort", at: 10 });
    expect(run.current()).toBe("look");
    run.feed({ kind: "menu-open", at: 20 });
    expect(run.current()).toBe("look");
  });

  it("offers a hint after 30 s and flags stuck after 60 s on one step, each counted from that step's start", () => {
    const run = new OnboardingRun("vr-hands", places, 1000);
    expect(run.state(30_999)).toMatchObject({ hintDue: false, stuck: false });
    expect(run.state(31_000)).toMatchObject({ hintDue: true, stuck: false });
    expect(run.state(61_000)).toMatchObject({ hintDue: true, stuck: true });
    run.feed({ kind: "comfort", at: 61_500 });
    expect(run.state(62_000)).toMatchObject({ step: "look", startedAt: 61_500, hintDue: false, stuck: false });
  });

  it("takes its thresholds as parameters (a test build's short stuck time)", () => {
    const run = new OnboardingRun("desktop", places, 0, { hintAfterMs: 500, stuckAfterMs: 1000 });
    expect(run.state(999)).toMatchObject({ hintDue: true, stuck: false });
    expect(run.state(1000).stuck).toBe(true);
    expect(isStuck(0, 1000, 1000)).toBe(true);
    expect(isStuck(0, 59_999)).toBe(false);
  });

  it("a skipped step is listed as skipped, not done, and the run moves on", () => {
    const run = new OnboardingRun("desktop", places, 0);
    run.skip(100);
    expect(run.state(100)).toMatchObject({ step: "look", skipped: ["comfort"], done: [], startedAt: 100 });
  });

  it("walks a touch screen through the desktop's steps with the same walking and dragging (no snap turn, no pointer ray)", () => {
    const run = new OnboardingRun("touch", places, 0);
    for (const e of perfectDesktop(10)) run.feed(e); // a finger drags the view and the stick walks: the same poses
    expect(run.state(2000)).toMatchObject({ step: null, done: stepsFor("desktop"), finishedAt: 1410 });
  });

  it("desktop and touch have no height check; both VR kinds end with it", () => {
    expect(stepsFor("desktop")).not.toContain("height");
    expect(stepsFor("touch")).toEqual(stepsFor("desktop"));
    expect(stepsFor("vr-hands").at(-1)).toBe("height");
    expect(stepsFor("vr-controllers")[0]).toBe("comfort");
  });
});
