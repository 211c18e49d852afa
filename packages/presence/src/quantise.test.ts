import { seededRandom } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { dequantisePosition, dequantiseRotation, normaliseQuat, quantisePosition, quantiseRotation, quatAngle } from "./quantise.js";
import type { Quat, Vec3 } from "./types.js";

const rng = seededRandom(20261123);
const randomQuat = (): Quat => normaliseQuat([rng() * 2 - 1, rng() * 2 - 1, rng() * 2 - 1, rng() * 2 - 1]);

describe("pose quantisation", () => {
  it("round-trips positions within half a millimetre per axis", () => {
    for (let i = 0; i < 2000; i++) {
      const p: Vec3 = [(rng() - 0.5) * 100, rng() * 3, (rng() - 0.5) * 100];
      const back = dequantisePosition(quantisePosition(p));
      for (let k = 0; k < 3; k++) expect(Math.abs(back[k]! - p[k]!)).toBeLessThanOrEqual(0.0005 + 1e-12);
    }
  });

  it("round-trips any rotation within 0.1° (1 mrad steps)", () => {
    let worst = 0;
    for (let i = 0; i < 5000; i++) {
      const q = randomQuat();
      worst = Math.max(worst, quatAngle(q, dequantiseRotation(quantiseRotation(q))));
    }
    expect(worst).toBeLessThan((0.1 * Math.PI) / 180);
  });

  it("treats q and -q as the same rotation, including half turns", () => {
    const halfTurn: Quat = [0, 1, 0, 0];
    expect(quatAngle(dequantiseRotation(quantiseRotation(halfTurn)), halfTurn)).toBeLessThan(0.002);
    const q = randomQuat();
    const neg: Quat = [-q[0], -q[1], -q[2], -q[3]];
    expect(quantiseRotation(neg)).toEqual(quantiseRotation(q));
  });

  it("maps a zero or non-finite quaternion to identity instead of NaN", () => {
    expect(normaliseQuat([0, 0, 0, 0])).toEqual([0, 0, 0, 1]);
    expect(normaliseQuat([Number.NaN, 0, 0, 1])).toEqual([0, 0, 0, 1]);
  });
});
