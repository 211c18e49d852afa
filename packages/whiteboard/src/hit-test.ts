import type { WireItem } from "@otc/contract";
import { decodeDeltas } from "./points.js";

/**
 * Ids of the items under a point (board units) within `radius`: strokes whose line passes that
 * close (half their width counts), notes containing the point. Used by the stroke eraser.
 */
export function itemsAt(items: Iterable<WireItem>, x: number, y: number, radius: number): number[] {
  const hits: number[] = [];
  for (const item of items) {
    if (item.k === "n") {
      if (x >= item.x && x <= item.x + item.w && y >= item.y && y <= item.y + item.h) hits.push(item.id);
      continue;
    }
    const pts = decodeDeltas(item.pts);
    const reach = radius + item.width / 2;
    for (let i = 0; i < pts.length; i += 2) {
      const ax = pts[i]!;
      const ay = pts[i + 1]!;
      const bx = pts[i + 2] ?? ax;
      const by = pts[i + 3] ?? ay;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      if (Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= reach) {
        hits.push(item.id);
        break;
      }
    }
  }
  return hits;
}
