import { describe, expect, it } from "vitest";
import { desktopTurn } from "./desktop-turn.js";

describe("turning the desktop view with Q and E", () => {
  it("snaps by the Comfort angle once per press, never while merely held", () => {
    expect(desktopTurn(45, 1, true, 0)).toBeCloseTo(Math.PI / 4);
    expect(desktopTurn(90, -1, true, 0)).toBeCloseTo(-Math.PI / 2);
    expect(desktopTurn(30, 1, false, 0.5)).toBe(0);
  });

  it("turns smoothly at 90° a second while held, nothing on the press itself", () => {
    expect(desktopTurn("smooth", 1, false, 0.5)).toBeCloseTo(Math.PI / 4);
    expect(desktopTurn("smooth", -1, true, 0)).toBe(0);
  });
});
