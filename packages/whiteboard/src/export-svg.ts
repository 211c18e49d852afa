import type { WireItem } from "@otc/contract";
import { decodeDeltas } from "./points.js";

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Opacity of highlighter ink. */
export const HIGHLIGHTER_ALPHA = 0.35;

/** A board as a standalone SVG document (board units as the view box), strokes then notes. */
export function boardToSvg(items: readonly WireItem[], w: number, h: number): string {
  const body = items.map((item) => {
    if (item.k === "n") {
      const lines = item.text.split("\n").map((l, i) => `<tspan x="${item.x + 24}" dy="${i === 0 ? 0 : 56}">${escapeXml(l)}</tspan>`);
      return (
        `<g><rect x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" fill="${item.colour}"/>` +
        `<text x="${item.x + 24}" y="${item.y + 72}" font-family="sans-serif" font-size="48" fill="#222">${lines.join("")}</text></g>`
      );
    }
    const pts = decodeDeltas(item.pts);
    const d = pts.length === 2 ? `M${pts[0]} ${pts[1]}h0` : `M${pts.slice(0, 2).join(" ")}L${pts.slice(2).join(" ")}`;
    const alpha = item.tool === "highlighter" ? ` stroke-opacity="${HIGHLIGHTER_ALPHA}"` : "";
    return `<path d="${d}" fill="none" stroke="${item.colour}" stroke-width="${item.width}" stroke-linecap="round" stroke-linejoin="round"${alpha}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#fbfbf8"/>${body.join("")}</svg>`;
}
