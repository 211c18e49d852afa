import { describe, expect, it } from "vitest";
import { doorwayAt } from "@otc/rooms";
import { ARRIVAL_DISTANCE, arrivalPoint } from "./arrival.js";

const walkable = { minX: -5.5, maxX: 5.5, minZ: -5, maxZ: 5 };
const toLobby = { id: "to-lobby", position: [3.75, 0, 5.45], yawDeg: 180, to: "lobby" };
const east = { id: "to-classroom", position: [8.9, 0, 1], yawDeg: -90, to: "classroom" };

describe("arriving through a door", () => {
  it("stands in front of the door that leads back, outside its doorway, facing into the room", () => {
    const a = arrivalPoint({ portals: [toLobby], walkable }, "lobby")!;
    expect(a.x).toBeCloseTo(3.75);
    expect(a.z).toBeCloseTo(5.45 - ARRIVAL_DISTANCE);
    expect(a.yaw).toBeCloseTo(0); // looking along −z: away from the door on the +z wall
    expect(doorwayAt([toLobby], a.x, a.z)).toBeNull(); // not straight back through it
  });

  it("faces away from a door in an east wall", () => {
    const a = arrivalPoint({ portals: [east], walkable: { minX: -8.5, maxX: 8.5, minZ: -7.5, maxZ: 7.5 } }, "classroom")!;
    expect(a.x).toBeCloseTo(8.9 - ARRIVAL_DISTANCE);
    expect(a.z).toBeCloseTo(1);
    // yaw +90° looks along −x (the view's forward is (−sin yaw, −cos yaw))
    expect(-Math.sin(a.yaw)).toBeCloseTo(-1);
    expect(-Math.cos(a.yaw)).toBeCloseTo(0);
  });

  it("stays inside the walkable floor, and is null without a door back", () => {
    const a = arrivalPoint({ portals: [{ ...toLobby, position: [5.4, 0, 5.45] }], walkable }, "lobby")!;
    expect(a.x).toBeLessThanOrEqual(walkable.maxX - 0.3);
    expect(arrivalPoint({ portals: [toLobby], walkable }, "auditorium")).toBeNull();
    expect(arrivalPoint({ portals: [], walkable }, "lobby")).toBeNull();
  });
});
