import { describe, expect, it } from "vitest";
import { NOTE_SIZE } from "./board-gestures.js";
import { noteSpot } from "./keyboard-note.js";

describe("a note added from the keyboard", () => {
  it("goes to the next free cell, left to right then down, inside the board", () => {
    const [w, h] = [4096, 2304];
    const spots = Array.from({ length: 12 }, (_, i) => noteSpot(w, h, i));
    expect(spots[0]).toEqual({ x: 60, y: 60 });
    expect(spots[1]!.x).toBeGreaterThan(spots[0]!.x);
    for (const s of spots) {
      expect(s.x + NOTE_SIZE.w).toBeLessThanOrEqual(w);
      expect(s.y + NOTE_SIZE.h).toBeLessThanOrEqual(h);
    }
    const distinct = new Set(spots.slice(0, 5).map((s) => `${s.x},${s.y}`));
    expect(distinct.size).toBe(5); // the first notes never cover one another
  });
});
