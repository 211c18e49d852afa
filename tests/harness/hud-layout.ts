import type { Person } from "./person.js";

/** A piece of the HUD on screen: its selector and its box (CSS px). */
export type Box = { name: string; x: number; y: number; w: number; h: number };

/**
 * The boxes on screen of the first element each selector finds, for those present and displayed: the part a
 * person sees, cut to the panels that scroll or clip it (a panel scrolled out of a column's view covers nothing).
 */
export const boxes = (p: Person, selectors: string[]) =>
  p.page.evaluate((sels) => {
    const out: Box[] = [];
    for (const s of sels) {
      const el = document.querySelector(s);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      // Up to the first fixed ancestor (the page's columns are fixed): each one that clips cuts the box.
      for (let a = getComputedStyle(el).position === "fixed" ? null : el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== "visible" || style.overflowY !== "visible") {
          const c = a.getBoundingClientRect();
          [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
        }
        if (style.position === "fixed") break;
      }
      if (right - left > 0 && bottom - top > 0) out.push({ name: s, x: left, y: top, w: right - left, h: bottom - top });
    }
    return out;
  }, selectors);

/** Every pair of boxes that overlap, as "a × b". */
export const overlapping = (list: Box[]) =>
  list.flatMap((a, i) => list.slice(i + 1).filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).map((b) => `${a.name} × ${b.name}`));

/** The right column's pieces (styles.css .hud-dock-side): the people list, the onboarding card or its replay button, the slides panel. */
export const RIGHT_COLUMN = [".people", ".onboarding-card", ".onboarding-replay", ".slides-panel"];

/** The desktop HUD's separate pieces (panels, bars, buttons) a check looks at, each a box on screen when shown. */
export const DESKTOP_HUD = [...RIGHT_COLUMN, ".status", ".voice-bar", ".board-bar", ".avatar-hud", ".survey-open", ".help", ".language-menu", ".vr-button", ".chat", ".a11y-menu", ".onboarding-progress", ".facil", ".timer-hud"];

