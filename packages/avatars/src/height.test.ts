import { describe, expect, it } from "vitest";
import { calibratedEyeHeight, heightOffset } from "./height.js";
import { parseAppearance } from "./appearance.js";

describe("height calibration and seated mode", () => {
  it("lifts a seated person to their standing eye height, and leaves a standing one alone", () => {
    expect(heightOffset("seated", 1.7, 1.2)).toBeCloseTo(0.5);
    expect(heightOffset("standing", 1.7, 1.2)).toBe(0);
  });
  it("keeps calibration within adult heights", () => {
    expect(calibratedEyeHeight(0.4)).toBe(1.1);
    expect(calibratedEyeHeight(1.72)).toBe(1.72);
    expect(calibratedEyeHeight(Number.NaN)).toBe(1.6);
  });
});

describe("appearance", () => {
  it("parses a stored look and falls back to the default on anything invalid", () => {
    const look = { body: "broad", skin: "#7a4a31", hair: "bun", hairColour: "#222222", clothing: "#3a9d5d" };
    expect(parseAppearance(JSON.stringify(look), "#000000")).toEqual(look);
    expect(parseAppearance("{not json", "#e4572e")).toMatchObject({ body: "regular", clothing: "#e4572e" });
    expect(parseAppearance(JSON.stringify({ ...look, hair: "mohawk" }), "#e4572e").hair).toBe("short");
  });
});
