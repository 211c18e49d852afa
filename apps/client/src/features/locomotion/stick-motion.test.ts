import { describe, expect, it } from "vitest";
import { deflection, smoothMove, smoothTurn, snapTurn, vignetteOpacity } from "./stick-motion.js";

describe("smooth locomotion", () => {
  it("moves forward (-Z) at the set speed with the stick pushed fully forward, facing -Z", () => {
    const [dx, dz] = smoothMove(0, -1, 0, 1.5, 2);
    expect(dx).toBeCloseTo(0);
    expect(dz).toBeCloseTo(-3);
  });

  it("moves where the head faces: turned 90° left (facing -X), forward is -X; right strafe is -Z", () => {
    const [fx, fz] = smoothMove(0, -1, Math.PI / 2, 2, 1);
    expect(fx).toBeCloseTo(-2);
    expect(fz).toBeCloseTo(0);
    const [rx, rz] = smoothMove(1, 0, Math.PI / 2, 2, 1);
    expect(rx).toBeCloseTo(0);
    expect(rz).toBeCloseTo(-2);
  });

  it("keeps the set speed on a diagonal, and nothing moves in the dead zone", () => {
    const [dx, dz] = smoothMove(Math.SQRT1_2, -Math.SQRT1_2, 0, 3, 1);
    expect(Math.hypot(dx, dz)).toBeCloseTo(3);
    expect(smoothMove(0.1, -0.05, 0, 3, 1)).toEqual([0, 0]);
    expect(deflection(0.5)).toBeGreaterThan(0);
    expect(deflection(0.5)).toBeLessThan(0.5);
  });
});

describe("turning", () => {
  it("snaps once by the chosen angle per push, re-armed only after the stick returns", () => {
    let s = snapTurn(0.9, true, 45);
    expect(s.delta).toBeCloseTo((-45 * Math.PI) / 180);
    s = snapTurn(0.9, s.armed, 45);
    expect(s.delta).toBe(0);
    s = snapTurn(0.45, s.armed, 45); // between release and push: still disarmed
    expect(s).toEqual({ delta: 0, armed: false });
    s = snapTurn(0, s.armed, 45);
    expect(s.armed).toBe(true);
    expect(snapTurn(-1, true, 90).delta).toBeCloseTo(Math.PI / 2);
  });

  it("turns smoothly in proportion to time", () => {
    expect(smoothTurn(1, 90, 1)).toBeCloseTo(-Math.PI / 2);
    expect(smoothTurn(-1, 90, 0.5)).toBeCloseTo(Math.PI / 4);
    expect(smoothTurn(0.1, 90, 1)).toBe(0);
  });
});

describe("the comfort vignette", () => {
  it("fades in to the set strength while moving and out at rest, and stays off at strength 0", () => {
    let o = 0;
    for (let i = 0; i < 30; i++) o = vignetteOpacity(o, true, 0.6, 1 / 60);
    expect(o).toBe(0.6);
    expect(vignetteOpacity(0, true, 0.6, 1 / 60)).toBeGreaterThan(0);
    expect(vignetteOpacity(0, true, 0.6, 1 / 60)).toBeLessThan(0.6);
    for (let i = 0; i < 30; i++) o = vignetteOpacity(o, false, 0.6, 1 / 60);
    expect(o).toBe(0);
    expect(vignetteOpacity(0, true, 0, 1 / 60)).toBe(0);
  });
});
