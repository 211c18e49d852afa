import { describe, expect, it } from "vitest";
import { followYaw, shoulders, bodyDimensions } from "./body.js";

describe("the torso follows the head", () => {
  it("lags behind a head turn and catches up within about a second", () => {
    let torso = 0;
    const head = 0.6; // radians, inside the neck's twist
    torso = followYaw(torso, head, 1 / 72);
    expect(torso).toBeGreaterThan(0);
    expect(torso).toBeLessThan(0.05);
    for (let i = 0; i < 72; i++) torso = followYaw(torso, head, 1 / 72);
    expect(torso).toBeGreaterThan(0.5);
  });

  it("never lets the neck twist more than 50°", () => {
    const torso = followYaw(0, Math.PI * 0.9, 0);
    expect(Math.abs(Math.PI * 0.9 - torso)).toBeLessThanOrEqual((50 * Math.PI) / 180 + 1e-9);
  });

  it("turns the short way round across ±180°", () => {
    const torso = followYaw(3.0, -3.0, 0.5);
    expect(Math.abs(torso)).toBeGreaterThan(3.0);
  });

  it("puts the shoulders either side of the neck, wider for a broad build", () => {
    const slim = shoulders([0, 1.6, 0], 0, bodyDimensions("slim"));
    const broad = shoulders([0, 1.6, 0], 0, bodyDimensions("broad"));
    expect(slim.left[0]).toBeLessThan(0);
    expect(slim.right[0]).toBeGreaterThan(0);
    expect(broad.right[0] - broad.left[0]).toBeGreaterThan(slim.right[0] - slim.left[0]);
  });
});
