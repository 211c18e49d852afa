import { describe, expect, it } from "vitest";
import { rayHandOf } from "./ray-hand.js";
import { RAY_REACH_M, withinRayReach } from "./ray-reach.js";

describe("rayHandOf (which hand's ray sent a pointer event)", () => {
  it("names the hand from the XR input source the library pointer carries", () => {
    expect(rayHandOf({ pointerState: { inputSource: { handedness: "left" } } })).toBe("left");
    expect(rayHandOf({ pointerState: { inputSource: { handedness: "right" } } })).toBe("right");
  });
  it("is null for the desktop mouse and for sources without a hand", () => {
    expect(rayHandOf({ pointerId: 1, button: 0 })).toBeNull();
    expect(rayHandOf({ pointerState: undefined })).toBeNull();
    expect(rayHandOf({ pointerState: { inputSource: { handedness: "none" } } })).toBeNull();
    expect(rayHandOf(null)).toBeNull();
  });
});

describe("withinRayReach (a VR ray draws on boards up to 4 m)", () => {
  it("takes a board at arm's length and at the reach", () => {
    expect(withinRayReach(0.5)).toBe(true);
    expect(withinRayReach(RAY_REACH_M)).toBe(true);
  });
  it("leaves a board across the room, and nonsense distances", () => {
    expect(withinRayReach(RAY_REACH_M + 0.01)).toBe(false);
    expect(withinRayReach(9)).toBe(false);
    expect(withinRayReach(Number.NaN)).toBe(false);
    expect(withinRayReach(-1)).toBe(false);
  });
});
