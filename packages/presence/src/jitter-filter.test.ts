import { describe, expect, it } from "vitest";
import { JitterFilter } from "./jitter-filter.js";
import { seatedMotion } from "./motion.js";
import { quatAngle } from "./quantise.js";
import type { AvatarPose, Pose } from "./types.js";

const TICK_MS = 50; // the presence rate, 20 Hz
const pose = (x: number, y: number, z: number): Pose => ({ p: [x, y, z], q: [0, 0, 0, 1] });
const person = (head: Pose, right: Pose | null): AvatarPose => ({ head, left: null, right });
/** Deterministic ±amplitude wobble, as a tracker's noise. */
const wobble = (i: number, amplitude: number) => amplitude * Math.sin(i * 2.399) * Math.cos(i * 0.713);

describe("jitter filter", () => {
  it("keeps a resting hand still under tracking jitter of a few tenths of a millimetre", () => {
    const f = new JitterFilter();
    const first = f.apply(person(pose(0, 1.2, 0), pose(0.2, 0.7, -0.3)), 0);
    for (let i = 1; i < 200; i++) {
      const j = wobble(i, 0.0004);
      const out = f.apply(person(pose(j, 1.2 - j, j), pose(0.2 + j, 0.7 - j, -0.3 + j)), i * TICK_MS);
      expect(out.right!.p).toEqual(first.right!.p);
      expect(out.head.p).toEqual(first.head.p);
    }
  });

  it("passes a real 2 cm move of a hand in the same sample", () => {
    const f = new JitterFilter();
    f.apply(person(pose(0, 1.2, 0), pose(0.2, 0.7, -0.3)), 0);
    const out = f.apply(person(pose(0, 1.2, 0), pose(0.22, 0.7, -0.3)), TICK_MS);
    expect(out.right!.p[0]).toBeCloseTo(0.22, 6);
  });

  it("passes a head turn of a degree at once (gaze stays exact up close)", () => {
    const f = new JitterFilter();
    f.apply(person(pose(0, 1.2, 0), null), 0);
    const a = Math.PI / 180;
    const turned: Pose = { p: [0, 1.2, 0], q: [0, Math.sin(a / 2), 0, Math.cos(a / 2)] };
    expect(quatAngle(f.apply(person(turned, null), TICK_MS).head.q, turned.q)).toBeLessThan(1e-9);
  });

  it("lets a slow drift through eventually, without waiting for the full threshold", () => {
    const f = new JitterFilter();
    const start = f.apply(person(pose(0, 1.2, 0), pose(0.2, 0.7, -0.3)), 0);
    let passedAt = -1;
    for (let i = 1; i <= 40 && passedAt < 0; i++) {
      // 2 mm/s: 0.1 mm a sample, each under the hand's threshold; stops 3 mm away (under the 5 mm threshold)
      const x = 0.2 + Math.min(0.003, 0.0001 * i);
      const out = f.apply(person(pose(0, 1.2, 0), pose(x, 0.7, -0.3)), i * TICK_MS);
      if (out.right!.p[0] !== start.right!.p[0]) passedAt = i;
    }
    expect(passedAt).toBeGreaterThan(0);
    expect(passedAt * TICK_MS).toBeLessThan(2000);
  });

  it("passes a hand that appears or disappears in the same sample", () => {
    const f = new JitterFilter();
    f.apply(person(pose(0, 1.2, 0), pose(0.2, 0.7, -0.3)), 0);
    expect(f.apply(person(pose(0, 1.2, 0), null), TICK_MS).right).toBeNull();
    expect(f.apply(person(pose(0, 1.2, 0), pose(0.5, 0.9, -0.3)), 2 * TICK_MS).right!.p[0]).toBe(0.5);
  });

  it("keeps a seated listener's head within 2 mm and 5 mrad of the trace", () => {
    const f = new JitterFilter();
    for (let i = 0; i < 600; i++) {
      const raw = seatedMotion(i / 20, 3);
      const out = f.apply(raw, i * TICK_MS);
      expect(Math.hypot(out.head.p[0] - raw.head.p[0], out.head.p[1] - raw.head.p[1], out.head.p[2] - raw.head.p[2])).toBeLessThanOrEqual(0.002 + 1e-9);
      expect(quatAngle(out.head.q, raw.head.q)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});
