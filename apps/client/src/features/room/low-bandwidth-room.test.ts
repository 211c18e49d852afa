import { describe, expect, it } from "vitest";
import type { RoomLayout } from "@otc/contract";
import { LOW_BANDWIDTH_MODEL_BYTES, roomForBandwidth } from "./low-bandwidth-room.js";

const imported = {
  shell: { walls: false, windows: "none" },
  environment: { model: `imported/${"a".repeat(32)}.glb`, offset: [0, 0, 0] },
  screens: [{ id: "main" }],
} as unknown as RoomLayout;

describe("imported room model in low-bandwidth mode", () => {
  it("draws the simple shell instead of a model over the size threshold, keeping the rest of the room", () => {
    const room = roomForBandwidth(imported, LOW_BANDWIDTH_MODEL_BYTES + 1, true);
    expect(room.environment).toBeUndefined();
    expect(room.shell.walls).toBe(true);
    expect(room.screens).toEqual(imported.screens);
    expect(roomForBandwidth(imported, null, true).environment).toBeUndefined(); // unknown size: not risked
  });

  it("keeps a small model, and every model in normal mode", () => {
    expect(roomForBandwidth(imported, LOW_BANDWIDTH_MODEL_BYTES, true)).toBe(imported);
    expect(roomForBandwidth(imported, 50 * 1024 * 1024, false)).toBe(imported);
  });
});
