import type { PoseMessage, PoseTuple } from "@otc/contract";
import { poseMessageSchema } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { checkPose, defaultPoseRules, type PoseTrack } from "./rules.js";

const rules = defaultPoseRules({ minX: -6, maxX: 6, minZ: -5, maxZ: 5 });
const at = (x: number, y: number, z: number): PoseTuple => [x, y, z, 0, 0, 0, 1];
const msg = (h: PoseTuple, extra: Partial<PoseMessage> = {}): PoseMessage => ({ h, l: null, r: null, ...extra });

function accept(prev: PoseTrack | undefined, m: PoseMessage, now: number): PoseTrack {
  const v = checkPose(prev, m, now, rules);
  if (!v.ok) throw new Error(`refused: ${v.reason}`);
  return v.track;
}

describe("pose rules (server edge)", () => {
  it("zod refuses NaN, Infinity, wrong arity and wrong types before the rules run", () => {
    const bad: unknown[] = [
      { h: [Number.NaN, 1, 0, 0, 0, 0, 1], l: null, r: null },
      { h: [Number.POSITIVE_INFINITY, 1, 0, 0, 0, 0, 1], l: null, r: null },
      { h: [0, 1, 0, 0, 0, 1], l: null, r: null },
      { h: ["0", 1, 0, 0, 0, 0, 1], l: null, r: null },
      { h: [0, 1, 0, 0, 0, 0, 1], l: [0, 0, 0, 0, 0, 0, Number.NEGATIVE_INFINITY], r: null },
      { h: [0, 1, 0, 0, 0, 0, 1] },
      "pose",
      null,
    ];
    for (const b of bad) expect(poseMessageSchema.safeParse(b).success).toBe(false);
    expect(poseMessageSchema.safeParse(msg(at(0, 1.6, 0))).success).toBe(true);
  });

  it("refuses non-rotations and heads far outside the room; clamps small overshoots", () => {
    expect(checkPose(undefined, msg([0, 1.6, 0, 0, 0, 0, 0]), 0, rules)).toEqual({ ok: false, reason: "invalid-message" });
    expect(checkPose(undefined, msg(at(40, 1.6, 0)), 0, rules)).toEqual({ ok: false, reason: "out-of-bounds" });
    const v = checkPose(undefined, msg(at(6.4, 1.6, 0)), 0, rules);
    expect(v.ok && v.clamped && v.pose.head.p[0]).toBe(6);
    const high = checkPose(undefined, msg(at(0, 9, 0)), 0, rules);
    expect(high.ok && high.pose.head.p[1]).toBe(rules.maxY);
  });

  it("clamps a head that moves faster than a person can, along the same direction", () => {
    let track = accept(undefined, msg(at(0, 1.6, 0)), 0);
    track = accept(track, msg(at(0, 1.6, 0)), 5000); // allowance fully banked (1 m)
    const v = checkPose(track, msg(at(5, 1.6, 0)), 5050, rules);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.clamped).toBe(true);
    expect(v.pose.head.p[0]).toBeCloseTo(1, 5);
    // the allowance is spent: an immediate second jump barely moves
    const again = checkPose(v.track, msg(at(5, 1.6, 0)), 5060, rules);
    expect(again.ok && again.pose.head.p[0]).toBeLessThan(1.05);
  });

  it("lets jittery but honest walking through (bunched packets)", () => {
    let track = accept(undefined, msg(at(0, 1.6, 0)), 0);
    let x = 0;
    for (let i = 1; i <= 40; i++) {
      x += 0.075; // 1.5 m/s at 20 Hz
      const now = i % 2 ? i * 50 + 45 : i * 50 - 45; // packets bunched in pairs
      const v = checkPose(track, msg(at(x, 1.6, 0)), now, rules);
      expect(v.ok && !v.clamped).toBe(true);
      if (v.ok) track = v.track;
    }
  });

  it("allows a teleport anywhere walkable, but not outside or in rapid succession", () => {
    const track = accept(undefined, msg(at(0, 1.6, 0)), 0);
    const jump = checkPose(track, msg(at(5, 1.6, 4), { teleport: true }), 1000, rules);
    expect(jump.ok && jump.pose.head.p).toEqual([5, 1.6, 4]);
    if (!jump.ok) return;
    expect(checkPose(jump.track, msg(at(-5, 1.6, -4), { teleport: true }), 1100, rules)).toEqual({ ok: false, reason: "too-fast" });
    expect(checkPose(jump.track, msg(at(6.5, 1.6, 0), { teleport: true }), 2000, rules)).toEqual({ ok: false, reason: "out-of-bounds" });
  });

  it("keeps hands within arm's reach of the head", () => {
    const v = checkPose(undefined, msg(at(0, 1.6, 0), { l: at(0, 1.6, -3), r: at(0.3, 1.2, -0.3) }), 0, rules);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.pose.left!.p[2]).toBeCloseTo(-rules.maxHandReach, 6);
    expect(v.pose.right!.p).toEqual([0.3, 1.2, -0.3]);
  });
});
