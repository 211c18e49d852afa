import { describe, expect, it } from "vitest";
import { MAX_PITCH } from "../locomotion/mouse-look.js";
import { DEAD_ZONE, joystickVector, knobOffset, lookAfterDrag } from "./touch-input.js";

const centre = { x: 100, y: 700 };
const R = 50; // px of reach

describe("touch joystick", () => {
  it("walks forward when the thumb pushes up, right when it pushes right, at full speed on the rim", () => {
    const up = joystickVector(centre, { x: 100, y: 650 }, R);
    expect(up.x).toBeCloseTo(0);
    expect(up.y).toBeCloseTo(1);
    const right = joystickVector(centre, { x: 150, y: 700 }, R);
    expect(right.x).toBeCloseTo(1);
    expect(right.y).toBeCloseTo(0);
    const back = joystickVector(centre, { x: 100, y: 750 }, R);
    expect(back.y).toBeCloseTo(-1);
  });

  it("never goes beyond full speed when the thumb slides past the rim", () => {
    const far = joystickVector(centre, { x: 300, y: 500 }, R);
    expect(Math.hypot(far.x, far.y)).toBeCloseTo(1);
    expect(far.x).toBeCloseTo(far.y); // still up-right at 45°
  });

  it("ignores a resting thumb's wobble inside the dead zone, then starts gently", () => {
    const wobble = R * DEAD_ZONE * 0.9;
    expect(joystickVector(centre, { x: 100 + wobble, y: 700 }, R)).toEqual({ x: 0, y: 0 });
    expect(joystickVector(centre, centre, R)).toEqual({ x: 0, y: 0 });
    const justOut = joystickVector(centre, { x: 100, y: 700 - R * (DEAD_ZONE + 0.05) }, R);
    expect(justOut.y).toBeGreaterThan(0);
    expect(justOut.y).toBeLessThan(0.1);
    const half = joystickVector(centre, { x: 100, y: 700 - R * (DEAD_ZONE + (1 - DEAD_ZONE) / 2) }, R);
    expect(half.y).toBeCloseTo(0.5);
  });

  it("draws the knob under the thumb, held inside the rim", () => {
    expect(knobOffset(centre, { x: 110, y: 690 }, R)).toEqual({ x: 10, y: -10 });
    const out = knobOffset(centre, { x: 100, y: 500 }, R);
    expect(out.x).toBeCloseTo(0);
    expect(out.y).toBeCloseTo(-R);
  });
});

describe("drag to look", () => {
  it("grabs the world: a drag to the right turns the view left (yaw up), a drag down tilts it up", () => {
    const v = lookAfterDrag({ yaw: 0, pitch: 0 }, 100, 40, 0.005);
    expect(v.yaw).toBeCloseTo(0.5);
    expect(v.pitch).toBeCloseTo(0.2);
    expect(lookAfterDrag(v, -100, -40, 0.005)).toEqual({ yaw: expect.closeTo(0, 9), pitch: expect.closeTo(0, 9) });
  });

  it("holds the pitch within the mouse's limits, short of straight up and down", () => {
    expect(lookAfterDrag({ yaw: 1, pitch: 0 }, 0, 5000).pitch).toBe(MAX_PITCH);
    expect(lookAfterDrag({ yaw: 1, pitch: 0 }, 0, -5000).pitch).toBe(-MAX_PITCH);
    expect(lookAfterDrag({ yaw: 1, pitch: 0 }, 0, -5000).yaw).toBe(1);
  });
});
