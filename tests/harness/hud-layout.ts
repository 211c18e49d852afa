import type { Person } from "./person.js";

/** A piece of the HUD on screen: its selector and its box (CSS px). */
export type Box = { name: string; x: number; y: number; w: number; h: number };

/** The boxes on screen of the first element each selector finds, for those present and displayed. */
export const boxes = (p: Person, selectors: string[]) =>
  p.page.evaluate((sels) => {
    const out: Box[] = [];
    for (const s of sels) {
      const r = document.querySelector(s)?.getBoundingClientRect();
      if (r && r.width > 0 && r.height > 0) out.push({ name: s, x: r.left, y: r.top, w: r.width, h: r.height });
    }
    return out;
  }, selectors);

/** Every pair of boxes that overlap, as "a × b". */
export const overlapping = (list: Box[]) =>
  list.flatMap((a, i) => list.slice(i + 1).filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).map((b) => `${a.name} × ${b.name}`));

/** The right column's pieces (styles.css .hud-dock-side): the people list, the onboarding card or its replay button, the slides panel. */
export const RIGHT_COLUMN = [".people", ".onboarding-card", ".onboarding-replay", ".slides-panel"];

/** The desktop HUD's separate pieces (panels, bars, buttons) a check looks at, each a box on screen when shown. */
export const DESKTOP_HUD = [...RIGHT_COLUMN, ".status", ".voice-bar", ".avatar-hud", ".survey-open", ".help", ".language-menu", ".vr-button", ".chat", ".a11y-menu", ".onboarding-progress", ".facil", ".timer-hud"];

/** The overlapping pairs (`overlapping`) that involve one of `names`. */
export const overlappingWith = (list: Box[], names: string[]) => overlapping(list).filter((pair) => pair.split(" × ").some((n) => names.includes(n)));
