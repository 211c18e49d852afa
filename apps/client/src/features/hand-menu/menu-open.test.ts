import { describe, expect, it } from "vitest";
import { nextMenuOpen, type MenuOpenState } from "./menu-open.js";

const closed: MenuOpenState = { open: false, byPalm: false };

describe("opening and closing the hand menu", () => {
  it("the button toggles it", () => {
    const open = nextMenuOpen(closed, "button");
    expect(open.open).toBe(true);
    expect(nextMenuOpen(open, "button").open).toBe(false);
  });

  it("turning the palm up opens it and turning it away closes it", () => {
    const open = nextMenuOpen(closed, "palm-up");
    expect(open).toEqual({ open: true, byPalm: true });
    expect(nextMenuOpen(open, "palm-down").open).toBe(false);
  });

  it("a menu opened with the button stays open when the palm turns away", () => {
    const open = nextMenuOpen(closed, "button");
    expect(nextMenuOpen(nextMenuOpen(open, "palm-up"), "palm-down").open).toBe(true);
  });

  it("the button closes a menu the palm opened", () => {
    expect(nextMenuOpen(nextMenuOpen(closed, "palm-up"), "button").open).toBe(false);
  });
});
