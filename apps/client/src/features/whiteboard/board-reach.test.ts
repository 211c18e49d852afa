import { describe, expect, it } from "vitest";
import { BOARD_REACH_M, withinBoardReach } from "./board-reach.js";

describe("board reach (desktop press draws only near a board)", () => {
  it("draws from where people stand at a board (about 2.4 m) and up to the reach", () => {
    expect(withinBoardReach(2.4)).toBe(true);
    expect(withinBoardReach(BOARD_REACH_M)).toBe(true);
  });
  it("a press on a board across the room (8 m) is a look, not a stroke", () => {
    expect(withinBoardReach(8)).toBe(false);
    expect(withinBoardReach(BOARD_REACH_M + 0.01)).toBe(false);
  });
  it("a nonsense distance never draws", () => {
    expect(withinBoardReach(Number.NaN)).toBe(false);
    expect(withinBoardReach(-1)).toBe(false);
  });
});
