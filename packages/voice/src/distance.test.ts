import { describe, expect, it } from "vitest";
import { CONVERSATION_DISTANCE, distanceGain, distanceModelFor } from "./distance.js";

describe("the conversation distance model", () => {
  it("is clearly audible at 2 m and faint at 15 m", () => {
    expect(distanceGain(2, CONVERSATION_DISTANCE)).toBeGreaterThan(0.7);
    const at15 = distanceGain(15, CONVERSATION_DISTANCE);
    expect(at15).toBeGreaterThan(0.05);
    expect(at15).toBeLessThan(0.15);
  });

  it("never gets louder as a speaker walks away, and is full level close up", () => {
    expect(distanceGain(0, CONVERSATION_DISTANCE)).toBe(1);
    let last = 1;
    for (let d = 0; d <= 40; d += 0.5) {
      const g = distanceGain(d, CONVERSATION_DISTANCE);
      expect(g).toBeLessThanOrEqual(last);
      last = g;
    }
  });

  it("follows the Web Audio formulas for every model, so the panner agrees", () => {
    const linear = distanceModelFor({ model: "linear", refDistance: 1, maxDistance: 11, rolloffFactor: 1 });
    expect(distanceGain(6, linear)).toBeCloseTo(0.5);
    expect(distanceGain(20, linear)).toBeCloseTo(0);
    const exp = distanceModelFor({ model: "exponential", refDistance: 1, rolloffFactor: 2 });
    expect(distanceGain(4, exp)).toBeCloseTo(1 / 16);
  });

  it("lets a room make voices carry further", () => {
    const hall = distanceModelFor({ rolloffFactor: 0.5 });
    expect(distanceGain(15, hall)).toBeGreaterThan(distanceGain(15, CONVERSATION_DISTANCE));
    expect(hall.refDistance).toBe(CONVERSATION_DISTANCE.refDistance);
  });
});
