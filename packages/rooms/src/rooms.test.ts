import { describe, expect, it } from "vitest";
import { canLandAt, obstacleRects, resolveWalk } from "./collisions.js";
import { expandGrid, seatPlacements } from "./placements.js";
import { checkRoomFile } from "./validate.js";
import { TEST_ROOM, testRoom } from "./test-room.js";

const room = testRoom;
const base = TEST_ROOM;

describe("grids", () => {
  it("lays out rows of seats behind the first, turned with the block", () => {
    expect(expandGrid({ position: [0, 0, 0], yawDeg: 0, grid: { columns: 3, rows: 2, dx: 0.6, dz: 1 } }).map((p) => p.position)).toEqual([
      [0, 0, 0], [0.6, 0, 0], [1.2, 0, 0], [0, 0, 1], [0.6, 0, 1], [1.2, 0, 1],
    ]);
    const turned = expandGrid({ position: [1, 0, 1], yawDeg: 90, grid: { columns: 2, rows: 1, dx: 1, dz: 1 } });
    expect(turned[1]!.position[0]).toBeCloseTo(1);
    expect(turned[1]!.position[2]).toBeCloseTo(0); // local x points to −z when facing +x
  });

  it("counts seats across blocks", () => {
    const r = room({ seats: [{ position: [0, 0, 0], grid: { columns: 6, rows: 5, dx: 0.7, dz: 1.2 } }, { position: [3, 0, 0] }] });
    expect(seatPlacements(r)).toHaveLength(31);
  });
});

describe("walking and landing", () => {
  const r = room({ furniture: [{ kind: "desk", position: [0, 0, 0] }], colliders: [{ minX: 3, maxX: 4, minZ: -1, maxZ: 1 }] });
  const obstacles = obstacleRects(r);

  it("a desk and a collider stop a walker at their edge plus the body radius", () => {
    const [x, z] = resolveWalk(0, 0.35, 0.25, r.walkable, obstacles); // trying to stand in the desk's back edge
    expect(z).toBeCloseTo(0.3 + 0.25, 5);
    expect(x).toBe(0);
    const [x2] = resolveWalk(3.1, 0, 0.25, r.walkable, obstacles);
    expect(x2).toBeCloseTo(2.75, 5);
  });

  it("never leaves anyone inside an obstacle or outside the walkable area (grid sweep)", () => {
    for (let x = -5; x <= 5; x += 0.17) {
      for (let z = -4; z <= 4; z += 0.19) {
        const [px, pz] = resolveWalk(x, z, 0.2, r.walkable, obstacles);
        expect(px).toBeGreaterThanOrEqual(r.walkable.minX);
        expect(px).toBeLessThanOrEqual(r.walkable.maxX);
        for (const o of obstacles) expect(px > o.minX && px < o.maxX && pz > o.minZ && pz < o.maxZ, `${x},${z} → ${px},${pz}`).toBe(false);
      }
    }
  });

  it("refuses a teleport onto furniture or off the floor", () => {
    expect(canLandAt(0, 0, r.walkable, obstacles)).toBe(false);
    expect(canLandAt(0, 2, r.walkable, obstacles)).toBe(true);
    expect(canLandAt(4.8, 0, r.walkable, obstacles)).toBe(false);
  });
});

describe("checkRoomFile names the path and the problem", () => {
  const broken: Array<[string, unknown, RegExp]> = [
    ["wrong version", { ...base, version: 1 }, /^version: /],
    ["missing spawns", { ...base, spawns: [] }, /^spawns: .*(>=1|at least 1)/i],
    ["bad colour", { ...base, palette: { ...base.palette, walls: "white" } }, /^palette\.walls: /],
    ["duplicate screen id", { ...base, screens: [base.screens[0], base.screens[0]] }, /^screens\.1\.id: duplicate id "main"/],
    ["bad anchor id", { ...base, boards: [{ id: "Board 1", position: [0, 1.5, 3.9], width: 2, height: 1 }] }, /^boards\.0\.id: ids: lower-case/],
    ["negative board width", { ...base, boards: [{ id: "b", position: [0, 1.5, 3.9], width: -2, height: 1 }] }, /^boards\.0\.width: /],
    ["unknown furniture", { ...base, furniture: [{ kind: "piano", position: [0, 0, 0] }] }, /^furniture\.0\.kind: /],
    ["inverted collider", { ...base, colliders: [{ minX: 1, maxX: 0, minZ: 0, maxZ: 1 }] }, /^colliders\.0: max must be greater than min/],
    ["logo image not an image path", { ...base, brand: { primary: "#112233", secondary: "#445566", logoImage: "../../etc/passwd" } }, /^brand\.logoImage: /],
    ["spawn on a desk", { ...base, furniture: [{ kind: "desk", position: [0, 0, 3] }] }, /^spawns\.0\.position: not on free walkable floor/],
    ["screen outside the room", { ...base, screens: [{ ...base.screens[0], position: [0, 1.6, -9] }] }, /^screens\.0\.position: outside the room/],
    ["walkable larger than the room", { ...base, walkable: { minX: -6, maxX: 4.5, minZ: -3.5, maxZ: 3.5 } }, /^walkable: must lie inside the room/],
    ["seat outside the room", { ...base, seats: [{ position: [0, 0, 0], grid: { columns: 20, rows: 1, dx: 1, dz: 0 } }] }, /^seats \(seat \d+\): outside the room/],
  ];
  it.each(broken)("%s", (_name, json, expected) => {
    const result = checkRoomFile(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => expected.test(e)), result.errors.join("\n")).toBe(true);
  });

  it("accepts a good file and fills the defaults", () => {
    const result = checkRoomFile(base);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.room.lighting).toEqual({ preset: "daylight", exposure: 1.05 });
  });
});
