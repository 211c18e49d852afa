import { describe, expect, it } from "vitest";
import { restingHands } from "./resting-hands.js";

describe("restingHands", () => {
  it("puts the right hand to the right and below a head looking down -z", () => {
    const { left, right } = restingHands({ p: [0, 1.6, 0], q: [0, 0, 0, 1] });
    expect(right.p[0]).toBeGreaterThan(0);
    expect(left.p[0]).toBeLessThan(0);
    expect(right.p[1]).toBeCloseTo(0.98);
    expect(right.p[2]).toBeLessThan(0); // a little in front
  });

  it("turns with the head's yaw (180°: right hand on -x) but ignores pitch", () => {
    const { right } = restingHands({ p: [1, 1.6, 1], q: [0, 1, 0, 0] });
    expect(right.p[0]).toBeLessThan(1);
    expect(right.p[2]).toBeGreaterThan(1);
    const pitched = Math.PI / 8;
    const down = restingHands({ p: [0, 1.6, 0], q: [-Math.sin(pitched), 0, 0, Math.cos(pitched)] });
    expect(down.right.p[1]).toBeCloseTo(0.98);
  });
});
