import { describe, expect, it } from "vitest";
import { palmNormal, palmUp, type Quat } from "./palm-up.js";

const IDENTITY: Quat = [0, 0, 0, 1];
const ROLL_90_LEFT: Quat = [0, 0, Math.SQRT1_2, Math.SQRT1_2]; // +90° about the forward axis: grip +X turns up
const ROLL_90_RIGHT: Quat = [0, 0, -Math.SQRT1_2, Math.SQRT1_2];
const head = [0, 1.6, 0] as const;
const wrist = [-0.1, 1.2, -0.3] as const; // left hand held in front of the chest

describe("palm-up detection (WebXR grip space: left palm faces +X, right palm −X)", () => {
  it("gives the palm normal of each hand", () => {
    expect(palmNormal(IDENTITY, "left")).toEqual([1, 0, 0]);
    expect(palmNormal(IDENTITY, "right")).toEqual([-1, -0, -0]);
    const up = palmNormal(ROLL_90_LEFT, "left");
    expect(up[1]).toBeCloseTo(1);
  });

  it("sees the left palm turned up towards the face, and not a hand held naturally", () => {
    expect(palmUp({ p: wrist, q: ROLL_90_LEFT }, head, "left", false)).toBe(true);
    expect(palmUp({ p: wrist, q: IDENTITY }, head, "left", false)).toBe(false); // palm facing right, as when holding the controller
    expect(palmUp({ p: wrist, q: ROLL_90_RIGHT }, head, "left", false)).toBe(false); // palm facing the floor
  });

  it("does not count a palm facing the face from above the head", () => {
    const above = [0, 2.1, -0.2] as const;
    const palmDown: Quat = [0, 0, -Math.SQRT1_2, Math.SQRT1_2];
    expect(palmUp({ p: above, q: palmDown }, head, "left", false)).toBe(false);
  });

  it("keeps the menu gesture through a small wobble (hysteresis) but not a real turn away", () => {
    const tilt = (deg: number): Quat => {
      const a = ((90 - deg) * Math.PI) / 360; // roll less than 90°: palm tilted away from the face
      return [0, 0, Math.sin(a), Math.cos(a)];
    };
    // palm rolled 30° up from the side: about 56° off the eyes, too far to open, near enough to stay open
    const wobble = { p: wrist, q: tilt(60) };
    expect(palmUp(wobble, head, "left", false)).toBe(false);
    expect(palmUp(wobble, head, "left", true)).toBe(true);
    expect(palmUp({ p: wrist, q: tilt(85) }, head, "left", true)).toBe(false);
  });
});
