import { seatPlacements } from "@otc/rooms";
import { describe, expect, it } from "vitest";
import { ASSETS_DIR } from "../test-support/harness.js";
import { loadRoomLayouts } from "./room-layout.js";

describe("room templates in assets/rooms", () => {
  it("all validate, and each holds what the catalogue promises", async () => {
    const rooms = await loadRoomLayouts(ASSETS_DIR);
    expect([...rooms.keys()].sort()).toEqual(["auditorium", "breakout-pods", "classroom", "lobby", "meeting-room", "onboarding", "training-room"]);
    const seats = (id: string) => seatPlacements(rooms.get(id)!).length;
    expect(seats("classroom")).toBe(30);
    expect(seats("auditorium")).toBe(150);
    expect(seats("meeting-room")).toBe(12);
    expect(seats("breakout-pods")).toBe(24);
    expect(rooms.get("auditorium")!.screens).toHaveLength(2);
    expect(rooms.get("auditorium")!.furniture.some((f) => f.kind === "stage")).toBe(true);
    expect(rooms.get("breakout-pods")!.boards).toHaveLength(4);
    // Onboarding: stations along a short path, the practice board on its wall and the practice screen at its end.
    expect(rooms.get("onboarding")!.boards.map((b) => b.id)).toEqual(["practice"]);
    expect(rooms.get("onboarding")!.screens.map((s) => s.id)).toEqual(["practice"]);
    for (const room of rooms.values()) expect(room.brand?.banner?.text, room.id).toBeTruthy();
  });
});
