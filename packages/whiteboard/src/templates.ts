import type { BoardTemplate, WireItem } from "@otc/contract";
import { encodeDeltas } from "./points.js";

type Unplaced = WireItem extends infer I ? (I extends WireItem ? Omit<I, "id"> : never) : never;

const INK = "#37474f";
const GRID = "#cfd8dc";
const HEADER = "#fff59d";

function line(x1: number, y1: number, x2: number, y2: number, colour = INK, width = 8): Unplaced {
  return { k: "s", tool: "pen", colour, width, pts: encodeDeltas([x1, y1, x2, y2]) };
}

function header(x: number, y: number, w: number, text: string, colour = HEADER): Unplaced {
  return { k: "n", colour, x, y, w, h: 160, text };
}

/** Columns with a header note each, separated by vertical lines (retrospective, kanban). */
function columns(titles: readonly string[], w: number, h: number): Unplaced[] {
  const col = Math.floor(w / titles.length);
  const out: Unplaced[] = [];
  titles.forEach((title, i) => {
    if (i > 0) out.push(line(col * i, 40, col * i, h - 40));
    out.push(header(col * i + 60, 60, Math.min(col - 120, 2048), title));
  });
  return out;
}

/**
 * The items a template puts on a board of `w` × `h` units (ids are assigned by the board):
 * blank, a light grid, SWOT quadrants, a three-column retrospective, a kanban.
 */
export function templateItems(name: BoardTemplate, w: number, h: number): Unplaced[] {
  switch (name) {
    case "blank":
      return [];
    case "grid": {
      const out: Unplaced[] = [];
      const step = 256; // board units (1/16 of the width)
      for (let x = step; x < w; x += step) out.push(line(x, 0, x, h, GRID, 3));
      for (let y = step; y < h; y += step) out.push(line(0, y, w, y, GRID, 3));
      return out;
    }
    case "swot": {
      const hw = Math.floor(w / 2);
      const hh = Math.floor(h / 2);
      const nw = Math.min(hw - 120, 1200);
      return [
        line(hw, 40, hw, h - 40),
        line(40, hh, w - 40, hh),
        header(60, 60, nw, "Strengths", "#c8e6c9"),
        header(hw + 60, 60, nw, "Weaknesses", "#ffcdd2"),
        header(60, hh + 60, nw, "Opportunities", "#bbdefb"),
        header(hw + 60, hh + 60, nw, "Threats", "#ffe0b2"),
      ];
    }
    case "retro":
      return columns(["Went well", "To improve", "Actions"], w, h);
    case "kanban":
      return columns(["To do", "Doing", "Done"], w, h);
  }
}
