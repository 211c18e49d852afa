import { describe, expect, it } from "vitest";
import { boardToSvg } from "./export-svg.js";
import { itemsAt } from "./hit-test.js";
import { decodeDeltas, encodeDeltas, simplify } from "./points.js";

describe("points", () => {
  it("round-trips delta encoding", () => {
    const abs = [10, 20, 15, 22, 15, 22, 4000, 0];
    expect(encodeDeltas(abs)).toEqual([10, 20, 5, 2, 0, 0, 3985, -22]);
    expect(decodeDeltas(encodeDeltas(abs))).toEqual(abs);
  });

  it("simplifies a straight line to its ends and keeps corners", () => {
    const line: number[] = [];
    for (let i = 0; i <= 100; i++) line.push(i * 10, 500 + (i % 2));
    expect(simplify(line, 2)).toEqual([0, 500, 1000, 500]);
    expect(simplify([0, 0, 100, 0, 100, 100], 2)).toEqual([0, 0, 100, 0, 100, 100]);
  });

  it("finds strokes and notes under the eraser", () => {
    const items = [
      { k: "s" as const, id: 1, tool: "pen" as const, colour: "#000000", width: 10, pts: encodeDeltas([0, 0, 100, 0]) },
      { k: "n" as const, id: 2, colour: "#ffee00", x: 200, y: 200, w: 100, h: 100, text: "" },
    ];
    expect(itemsAt(items, 50, 8, 4)).toEqual([1]);
    expect(itemsAt(items, 50, 30, 4)).toEqual([]);
    expect(itemsAt(items, 250, 250, 4)).toEqual([2]);
  });

  it("exports SVG with escaped text", () => {
    const svg = boardToSvg([{ k: "n", id: 1, colour: "#ffee00", x: 0, y: 0, w: 100, h: 100, text: "<b>&" }], 4096, 2048);
    expect(svg).toContain("&#60;b&#62;&#38;");
    expect(svg).toContain('viewBox="0 0 4096 2048"');
  });
});
