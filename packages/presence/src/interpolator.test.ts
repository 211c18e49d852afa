import { describe, expect, it } from "vitest";
import { PoseInterpolator } from "./interpolator.js";
import type { AvatarPose } from "./types.js";

const pose = (x: number, yaw = 0): AvatarPose => ({
  head: { p: [x, 1.6, 0], q: [0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)] },
  left: null,
  right: null,
});

describe("PoseInterpolator", () => {
  it("renders between samples, a fixed delay behind", () => {
    const ip = new PoseInterpolator(100);
    ip.push(0, pose(0));
    ip.push(50, pose(1, 1));
    const mid = ip.sample(125)!; // render time 25 ms: halfway
    expect(mid.head.p[0]).toBeCloseTo(0.5, 6);
    expect(2 * Math.asin(mid.head.q[1])).toBeCloseTo(0.5, 6);
  });

  it("holds the last pose when samples stop (a frozen avatar) and snaps across long gaps", () => {
    const ip = new PoseInterpolator(100, 500);
    ip.push(0, pose(0));
    ip.push(50, pose(1));
    expect(ip.sample(10_000)!.head.p[0]).toBe(1);
    ip.push(5_000, pose(9));
    expect(ip.sample(5_050)!.head.p[0]).toBe(9);
  });

  it("renders an avatar sent at 5 Hz smoothly: the delay grows to cover its sample interval", () => {
    const ip = new PoseInterpolator(90);
    for (let k = 0; k <= 20; k++) ip.push(k * 200, pose(k * 0.2)); // walking 1 m/s, a sample every 200 ms
    expect(ip.currentDelayMs).toBeGreaterThanOrEqual(200);
    // between the last samples the render time never passes the newest one: x keeps increasing
    let prev = -1;
    for (let now = 4000; now <= 4200; now += 10) {
      const x = ip.sample(now)!.head.p[0];
      expect(x).toBeGreaterThan(prev);
      prev = x;
    }
    // back at 20 Hz, it shrinks again
    for (let k = 1; k <= 20; k++) ip.push(4000 + k * 50, pose(4 + k * 0.05));
    expect(ip.currentDelayMs).toBe(90);
  });

  it("returns undefined before any sample", () => {
    expect(new PoseInterpolator().sample(0)).toBeUndefined();
  });
});
