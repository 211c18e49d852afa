/** Whether the hand menu shows, and whether the palm gesture (rather than the button) opened it. */
export interface MenuOpenState {
  open: boolean;
  byPalm: boolean;
}

export type MenuOpenEvent = "button" | "palm-up" | "palm-down";

/**
 * The menu's opening rules: the button toggles it; turning the palm up opens it; turning the palm
 * away closes it only if the palm opened it (a menu opened with the button stays until pressed again).
 */
export function nextMenuOpen(s: MenuOpenState, event: MenuOpenEvent): MenuOpenState {
  switch (event) {
    case "button":
      return s.open ? { open: false, byPalm: false } : { open: true, byPalm: false };
    case "palm-up":
      return s.open ? s : { open: true, byPalm: true };
    case "palm-down":
      return s.open && s.byPalm ? { open: false, byPalm: false } : s;
  }
}
