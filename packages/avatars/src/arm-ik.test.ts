import { describe, expect, it } from "vitest";
import { elbowPole, solveArm } from "./arm-ik.js";
import { bodyDimensions, shoulders } from "./body.js";
import { distance, dot, normalise, rotateYaw, scale, sub, type Vec3 } from "./vec.js";

const dims = bodyDimensions("regular");
const reach = dims.upper + dims.fore;

/** Controller targets around a person facing `yaw`, head at 1.6 m: a grid in front, to the side, overhead, across. */
function grid(yaw: number): Vec3[] {
  const out: Vec3[] = [];
  for (const x of [-0.2, 0.05, 0.3, 0.55]) for (const y of [0.8, 1.1, 1.4, 1.7, 2.1]) for (const z of [0, -0.2, -0.45, -0.7]) out.push(rotateYaw([x, y, z], yaw));
  return out;
}

describe("solveArm on the right arm, for a grid of controller poses", () => {
  for (const yaw of [0, Math.PI / 2, -2.5]) {
    it(`keeps both bones their length and the elbow where an elbow can be (yaw ${yaw.toFixed(2)})`, () => {
      const head: Vec3 = [0, 1.6, 0];
      const { right: shoulder } = shoulders(head, yaw, dims);
      const forward = rotateYaw([0, 0, -1], yaw);
      const outward = rotateYaw([1, 0, 0], yaw);
      for (const target of grid(yaw)) {
        const { elbow, hand } = solveArm(shoulder, target, elbowPole(yaw, 1), dims);
        const what = `target ${target.map((v) => v.toFixed(2)).join(",")}`;
        expect(distance(shoulder, elbow), what).toBeCloseTo(dims.upper, 5);
        expect(distance(elbow, hand), what).toBeCloseTo(dims.fore, 5);
        if (distance(shoulder, target) < reach * 0.99) expect(distance(hand, target), what).toBeLessThan(1e-6);
        // The elbow never flips above the shoulder unless the hand is up there too
        if (hand[1] < shoulder[1]) expect(elbow[1], what).toBeLessThanOrEqual(shoulder[1] + 0.02);
        // ... never pokes into the chest: no further inward than both the shoulder and the hand ...
        const inward = Math.min(0, dot(sub(hand, shoulder), outward));
        expect(dot(sub(elbow, shoulder), outward), what).toBeGreaterThan(inward - 0.02);
        // ... and never swings far behind the back
        expect(dot(sub(elbow, shoulder), forward), what).toBeGreaterThan(-0.2);
        // Elbow bends forward, not backwards: the elbow lies below or outside the straight shoulder–hand line
        const line = normalise(sub(hand, shoulder));
        const rel = sub(elbow, shoulder);
        const bend = sub(rel, scale(line, dot(rel, line)));
        expect(dot(bend, elbowPole(yaw, 1)), what).toBeGreaterThanOrEqual(-1e-6);
      }
    });
  }

  it("leaves an out-of-reach arm straight towards the target", () => {
    const s: Vec3 = [0.2, 1.33, 0];
    const { elbow, hand } = solveArm(s, [0.2, 3, 0], elbowPole(0, 1), dims);
    expect(distance(s, hand)).toBeCloseTo(reach * 0.999, 5);
    expect(hand[1]).toBeGreaterThan(elbow[1]);
    expect(elbow[1]).toBeGreaterThan(s[1]);
  });

  it("mirrors for the left arm: the elbow points out to the left", () => {
    const { left } = shoulders([0, 1.6, 0], 0, dims);
    const { elbow } = solveArm(left, [-0.1, 1.2, -0.35], elbowPole(0, -1), dims);
    expect(elbow[0]).toBeLessThan(left[0] + 0.12);
  });
});
