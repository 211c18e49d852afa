import { describe, expect, it } from "vitest";
import { SpeakingMeter } from "./speaking-meter.js";

describe("own speaking time (mesh)", () => {
  it("counts the time between speaking samples, caps a long silence gap, and resets on take", () => {
    const m = new SpeakingMeter();
    for (let t = 0; t <= 3000; t += 100) m.sample(true, t); // 3 s of speech at 10 Hz
    m.sample(false, 3100);
    m.sample(false, 9000);
    m.sample(true, 10_000);
    m.sample(true, 20_000); // a 10 s hole after a speaking sample counts 0.5 s at most
    expect(m.take()).toBe(3.6);
    expect(m.take()).toBe(0);
  });
});
