import { Color } from "three";
import type { GlyphAtlas } from "./glyph-atlas.js";
import { ATLAS_ROW_PX } from "./glyph-atlas.js";
import type { IconName } from "./tag-icons.js";
import type { TagQuad } from "./tag-batch.js";

export interface TagContent {
  name: string;
  colour: string;
  /** The role badge's words (worded in the page's language), or null for none. */
  role: string | null;
  /** The page's words for the away and reconnecting cues. */
  words: { away: string; reconnecting: string };
  muted: boolean;
  speaking: boolean;
  away: boolean;
  handRaised: boolean;
  reconnecting: boolean;
}

/**
 * The tag's colours. Text on a pill meets WCAG AA (4.5:1) whatever is behind the see-through pill,
 * from a white wall to a black screen (features/a11y/tag-contrast.test.ts).
 */
export const TAG_COLOURS = {
  text: "#ffffff",
  pill: "#141c20",
  /** The pill of someone away or reconnecting. */
  dimPill: "#2b2f34",
  pillAlpha: 0.82,
  reconnecting: "#ffd27a",
  away: "#dfe3e8",
  badgeText: "#2b1d00",
  badge: "#ffc83d",
} as const;

const TEXT_H = 0.085; // metres: height of a text row
const PILL_H = 0.115; // metres
const PAD = 0.035;

const rgba = (css: string, a = 1): [number, number, number, number] => {
  const c = new Color().setStyle(css);
  return [c.r, c.g, c.b, a];
};
const WHITE = rgba(TAG_COLOURS.text);

/** Quads for a row of text starting at x (metres); returns the x after it. */
function text(atlas: GlyphAtlas, out: TagQuad[], s: string, x: number, y: number, h: number, colour: [number, number, number, number]): number {
  const scale = h / ATLAS_ROW_PX;
  for (const ch of Array.from(s)) {
    const cell = atlas.glyph(ch);
    out.push({ x, y, w: cell.w * scale, h, cell, rgba: colour, grow: 0 });
    x += (cell.w - 2) * scale;
  }
  return x;
}

function pill(atlas: GlyphAtlas, out: TagQuad[], x0: number, x1: number, y: number, h: number, colour: [number, number, number, number]): void {
  const disc = atlas.icon("disc");
  out.push({ x: x0, y, w: h, h, cell: disc, rgba: colour, grow: 0 });
  out.push({ x: x1 - h, y, w: h, h, cell: disc, rgba: colour, grow: 0 });
  out.push({ x: x0 + h / 2, y, w: x1 - x0 - h, h, cell: atlas.icon("solid"), rgba: colour, grow: 0 });
}

/**
 * Lays out one person's tag: a dark pill with a colour dot, the name and cue icons (speaking, muted,
 * away); a role badge above it; and, while the hand is raised, a large hand that grows with
 * distance. Metres, centred on x = 0, bottom at y = 0. Recomputed only when the content changes.
 */
export function layoutTag(atlas: GlyphAtlas, c: TagContent): TagQuad[] {
  const content: TagQuad[] = [];
  const y = (PILL_H - TEXT_H) / 2;
  const dot = 0.05;
  content.push({ x: 0, y: (PILL_H - dot) / 2, w: dot, h: dot, cell: atlas.icon("disc"), rgba: rgba(c.colour), grow: 0 });
  let x = text(atlas, content, c.name, dot + 0.02, y, TEXT_H, WHITE);
  if (c.reconnecting) x = text(atlas, content, ` ${c.words.reconnecting}`, x, y, TEXT_H * 0.8, rgba(TAG_COLOURS.reconnecting));
  else if (c.away) x = text(atlas, content, ` ${c.words.away}`, x, y, TEXT_H * 0.8, rgba(TAG_COLOURS.away));
  const icons: IconName[] = [];
  if (c.speaking) icons.push("speaking");
  if (c.muted) icons.push("muted");
  if (c.away) icons.push("away");
  for (const icon of icons) {
    content.push({ x: x + 0.015, y: (PILL_H - 0.08) / 2, w: 0.08, h: 0.08, cell: atlas.icon(icon), rgba: WHITE, grow: 0 });
    x += 0.095;
  }
  const width = x + 2 * PAD;
  const out: TagQuad[] = [];
  pill(atlas, out, -width / 2, width / 2, 0, PILL_H, rgba(c.reconnecting || c.away ? TAG_COLOURS.dimPill : TAG_COLOURS.pill, TAG_COLOURS.pillAlpha));
  for (const q of content) out.push({ ...q, x: q.x - width / 2 + PAD });
  let top = PILL_H + 0.015;
  const role = c.role;
  if (role) {
    const h = 0.07;
    const inner: TagQuad[] = [];
    const end = text(atlas, inner, role, 0, (h - h * 0.8) / 2, h * 0.8, rgba(TAG_COLOURS.badgeText));
    const w = end + 0.06;
    pill(atlas, out, -w / 2, w / 2, top, h, rgba(TAG_COLOURS.badge));
    for (const q of inner) out.push({ ...q, x: q.x - w / 2 + 0.03, y: q.y + top });
    top += h + 0.015;
  }
  if (c.handRaised) out.push({ x: -0.13, y: top + 0.02, w: 0.26, h: 0.26, cell: atlas.icon("hand"), rgba: WHITE, grow: 1 });
  // The whole tag keeps a readable size on screen beyond a few metres (see TagBatch's shader).
  return out.map((q) => ({ ...q, grow: 1 }));
}
