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
