import { describe, expect, it } from "vitest";
import { doorwayAt, portalTargetId } from "./portal-target.js";

describe("doors", () => {
  it("lead to the training's companion session in the door's room, or back to the training itself", () => {
    const root = { id: "welcome-day-x7k2", room: "lobby" };
    expect(portalTargetId(root, "classroom")).toBe("welcome-day-x7k2-classroom");
    expect(portalTargetId(root, "lobby")).toBe("welcome-day-x7k2");
    // Session ids stay within 48 characters: the training's part is shortened, the room's kept.
    expect(portalTargetId({ id: "a".repeat(47), room: "lobby" }, "auditorium")).toBe(`${"a".repeat(37)}-auditorium`);
    expect(portalTargetId({ id: `${"a".repeat(36)}-bcd`, room: "lobby" }, "auditorium")).toBe(`${"a".repeat(36)}-auditorium`);
  });

  it("take a person standing in the doorway, in front of the door, not beside or behind it", () => {
    const east = { id: "to-classroom", position: [8.9, 0, 1], yawDeg: -90 }; // on the +x wall, facing −x
    expect(doorwayAt([east], 8.3, 1)).toBe(east);
    expect(doorwayAt([east], 8.3, 1.6)).toBe(east);
    expect(doorwayAt([east], 8.3, 1.8)).toBeNull(); // beside it
    expect(doorwayAt([east], 7.6, 1)).toBeNull(); // too far in front
    expect(doorwayAt([east], 9.2, 1)).toBeNull(); // behind the wall
  });
});
