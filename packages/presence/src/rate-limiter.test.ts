import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  it("allows a burst, then the steady rate, and refuses a flood", () => {
    const r = new RateLimiter(30, 10);
    let allowed = 0;
    for (let i = 0; i < 100; i++) if (r.allow(0)) allowed++;
    expect(allowed).toBe(10);
    allowed = 0;
    for (let t = 1; t <= 1000; t++) if (r.allow(t)) allowed++; // 1000 attempts over one second
    expect(allowed).toBe(30);
  });

  it("does not bank more than the burst while idle, nor go backwards in time", () => {
    const r = new RateLimiter(10, 3);
    expect([r.allow(60_000), r.allow(60_000), r.allow(60_000), r.allow(60_000)]).toEqual([true, true, true, false]);
    expect(r.allow(50_000)).toBe(false);
  });

  it("charges a cost per event when given one (a byte budget)", () => {
    const r = new RateLimiter(100, 1000); // bytes per second, burst
    expect([r.allow(0, 600), r.allow(0, 600), r.allow(0, 400)]).toEqual([true, false, true]);
    expect(r.allow(1000, 150)).toBe(false); // 100 refilled
    expect(r.allow(2000, 150)).toBe(true);
  });
});
