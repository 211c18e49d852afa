/**
 * Looks shared by every in-world panel. Sizes are in panel pixels of 1 mm (`PIXEL_SIZE`), so a
 * 40 px button is 4 cm tall: big enough to hit with a controller ray at arm's length.
 */
export const PIXEL_SIZE = 0.001; // metres per panel pixel

export const UI = {
  panel: "#17202b",
  button: "#2c3a4d",
  hover: "#3f5675",
  active: "#4fd1ff",
  selected: "#2f7fb3",
  danger: "#9c2f2f",
  text: "#f4f7fb",
  muted: "#9fb0c3",
  ok: "#49c27a",
  warn: "#f0a93b",
  bad: "#ef5a5a",
  /** Button height: 4 cm. */
  target: 40,
  fontSize: 15,
  small: 12,
} as const;

/**
 * The UI font: Liberation Sans as MSDF (tools/generate-ui-font.mjs), served from our own origin with
 * the accents and punctuation French and Spanish need. uikit's own default (Inter) would load from the
 * bundle but lacks them.
 */
export function uiFontFamilies(base: string): { sans: { normal: string } } {
  return { sans: { normal: `${base.replace(/\/?$/, "/")}fonts/ui-sans.json` } };
}

/**
 * For the end-of-session survey, placed in front of the eyes: drawn over the room, so a person
 * standing closer to a wall than the panel's distance still sees it instead of a wall (the hand menu
 * has closed for it). Not for connection notices: drawn over everything, a notice covered the hand
 * menu's buttons (facilitation-remove-vr.png). Not for onboarding's panel: it stands in open space,
 * and the controller cues must show in front of it. uikit passes both down to every child of the
 * root container. Below the comfort vignette (10,000), which darkens everything during a turn.
 */
export const OVER_ROOM = { depthTest: false, renderOrder: 5_000 } as const;
