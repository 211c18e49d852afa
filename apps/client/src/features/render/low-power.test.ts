import { describe, expect, it } from "vitest";
import { lowPowerWanted } from "./low-power.js";

describe("low-power link option", () => {
  it("is on with ?lowpower=1 and off without it or with 0/false", () => {
    expect(lowPowerWanted("?k=abc&lowpower=1")).toBe(true);
    expect(lowPowerWanted("?lowpower")).toBe(true);
    expect(lowPowerWanted("?k=abc")).toBe(false);
    expect(lowPowerWanted("?lowpower=0")).toBe(false);
    expect(lowPowerWanted("?lowpower=false")).toBe(false);
  });
});
