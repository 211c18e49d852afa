import { describe, expect, it } from "vitest";
import { clampToWalkable, stepToward, walkDelta, yawOf } from "./walkable.js";

const w = { minX: -6.5, maxX: 6.5, minZ: -5.2, maxZ: 5.5 };

describe("walkable", () => {
  it("clamps a head that walks into a wall", () => {
    expect(clampToWalkable(9, -8, w)).toEqual([6.5, -5.2]);
    expect(clampToWalkable(1, 2, w)).toEqual([1, 2]);
  });

  it("walks forward along -z at yaw 0 and along -x after turning left 90°", () => {
    const keys = { forward: true, back: false, left: false, right: false };
    const [x0, z0] = walkDelta(keys, 0, 1.6, 1);
    expect(x0).toBeCloseTo(0);
    expect(z0).toBeCloseTo(-1.6);
    const [x1, z1] = walkDelta(keys, Math.PI / 2, 1.6, 1);
    expect(x1).toBeCloseTo(-1.6);
    expect(z1).toBeCloseTo(0);
  });

  it("does not walk faster diagonally", () => {
    const [x, z] = walkDelta({ forward: true, back: false, left: true, right: false }, 0, 1.6, 1);
    expect(Math.hypot(x, z)).toBeCloseTo(1.6);
  });

  it("walks by the touch stick at its deflection's share of the speed, and held keys win", () => {
    const none = { forward: false, back: false, left: false, right: false };
    const [x, z] = walkDelta(none, 0, 1.6, 1, { x: 0, y: 0.5 }); // half forward
    expect(x).toBeCloseTo(0);
    expect(z).toBeCloseTo(-0.8);
    const [rx, rz] = walkDelta(none, Math.PI / 2, 1.6, 1, { x: 1, y: 0 }); // right, after turning left 90°: along -z
    expect(rx).toBeCloseTo(0);
    expect(rz).toBeCloseTo(-1.6);
    expect(walkDelta(none, 0, 1.6, 1, { x: 0, y: 0 })).toEqual([0, 0]);
    const [kx, kz] = walkDelta({ ...none, back: true }, 0, 1.6, 1, { x: 0, y: 1 });
    expect([kx, kz]).toEqual([0, 1.6]);
  });

  it("steps toward a click target and arrives", () => {
    const a = stepToward(0, 0, 3, 4, 1);
    expect(a.arrived).toBe(false);
    expect(Math.hypot(a.x, a.z)).toBeCloseTo(1);
    expect(stepToward(2.9, 3.9, 3, 4, 1)).toEqual({ x: 3, z: 4, arrived: true });
  });

  it("reads the yaw of a quaternion", () => {
    const half = Math.PI / 8; // 45° yaw
    expect(yawOf([0, Math.sin(half), 0, Math.cos(half)])).toBeCloseTo(Math.PI / 4);
  });
});
