import { describe, expect, it } from "vitest";
import { FrameArena } from "./frame-arena.js";

describe("FrameArena", () => {
  it("hands out zeroed frames that never overlap, many to a block, and never writes a block it has handed out again", () => {
    const arena = new FrameArena(1024);
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 40; i++) {
      const frame = arena.take(100 + i);
      expect(frame.length).toBe(100 + i);
      expect(frame.every((b) => b === 0)).toBe(true);
      frame.fill(i + 1);
      frames.push(frame);
    }
    // every frame still holds what was written into it: no later frame reused its bytes
    frames.forEach((frame, i) => expect(frame.every((b) => b === i + 1)).toBe(true));
    const blocks = new Set(frames.map((f) => f.buffer));
    expect(blocks.size).toBeGreaterThan(1);
    expect(blocks.size).toBeLessThan(frames.length / 4);
  });

  it("gives a frame bigger than a block a block of its own", () => {
    const arena = new FrameArena(256);
    const small = arena.take(10);
    const big = arena.take(1000);
    expect(big.length).toBe(1000);
    expect(big.buffer).not.toBe(small.buffer);
    expect(big.byteOffset).toBe(0);
  });
});
