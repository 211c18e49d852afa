import { describe, expect, it } from "vitest";
import { DEFAULT_ARC, teleportArc, type Vec3 } from "./teleport-arc.js";

const down = (deg: number): Vec3 => [0, -Math.sin((deg * Math.PI) / 180), -Math.cos((deg * Math.PI) / 180)];

describe("teleportArc", () => {
  it("lands on the floor ahead of the controller, further the flatter the aim", () => {
    const steep = teleportArc([0, 1.3, 0], down(40)).landing!;
    const flat = teleportArc([0, 1.3, 0], down(0)).landing!;
    expect(steep[1]).toBe(0);
    expect(steep[0]).toBeCloseTo(0, 9);
    expect(-steep[2]).toBeGreaterThan(0.8);
    expect(-steep[2]).toBeLessThan(1.6);
    expect(-flat[2]).toBeGreaterThan(-steep[2]);
    expect(-flat[2]).toBeLessThan(4);
  });

  it("draws the arc from the controller to the landing point", () => {
    const arc = teleportArc([1, 1.3, 2], down(30));
    expect(arc.points).toHaveLength(DEFAULT_ARC.segments + 1);
    expect(arc.points[0]).toEqual([1, 1.3, 2]);
    const last = arc.points[arc.points.length - 1]!;
    expect(last[1]).toBeCloseTo(0, 9);
    expect(last[2]).toBeCloseTo(arc.landing![2], 9);
  });

  it("never lands from below the floor", () => {
    expect(teleportArc([0, -0.5, 0], down(10)).landing).toBeNull();
  });

  it("is the same for the same aim, whatever the frame rate (no smoothing state)", () => {
    expect(teleportArc([0, 1.2, 0], down(25))).toEqual(teleportArc([0, 1.2, 0], down(25)));
  });
});
