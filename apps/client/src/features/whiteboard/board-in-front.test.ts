import type { PanelAnchor } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { boardInFront } from "./board-in-front.js";

const board = (id: string, x: number, z: number): PanelAnchor => ({ id, position: [x, 1.5, z], yawDeg: 0, width: 2, height: 1.2 });
const boards = [board("left", -4, -3), board("front", 0, -5), board("back", 0, 5)];

describe("the board in front", () => {
  it("is the board the view points at, whichever way one turns", () => {
    expect(boardInFront(0, 0, 0, boards)).toBe("front"); // yaw 0 looks down −z
    expect(boardInFront(0, 0, Math.PI, boards)).toBe("back");
    expect(boardInFront(0, 0, Math.atan2(4, 3), boards)).toBe("left"); // turned left, towards (−4, −3)
  });

  it("is none when no board is within ±40° and 9 m", () => {
    expect(boardInFront(0, 0, -Math.PI / 2, boards)).toBeNull(); // facing +x: nothing there
    expect(boardInFront(0, 20, 0, [board("far", 0, 0)])).toBeNull();
  });
});
