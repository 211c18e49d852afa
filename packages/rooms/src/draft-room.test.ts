import { QUEST_BUDGET, type ModelReport } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { budgetChecks } from "./budget.js";
import { canLandAt } from "./collisions.js";
import { draftRoomFromReport } from "./draft-room.js";
import { checkRoomFile } from "./validate.js";

const report = (over: Partial<ModelReport> = {}): ModelReport => ({
  modelId: "0123456789abcdef0123456789abcdef",
  bytes: 1000,
  triangles: 10,
  drawCalls: 1,
  materials: 1,
  textures: [],
  textureMemoryBytes: 0,
  bounds: { min: [-3, 0.4, -7], max: [9, 3.5, 3] },
  meshNames: ["Floor"],
  floor: { height: 0.5, meshes: ["Floor"], rects: [{ minX: -3, maxX: 9, minZ: -7, maxZ: 3 }] },
  walls: [{ minX: -3, maxX: 9, minZ: -7.1, maxZ: -6.9 }, { minX: 2.9, maxX: 3.1, minZ: -7, maxZ: 3 }],
  checks: [],
  withinBudget: true,
  clientReady: true,
  notes: [],
  ...over,
});

describe("a draft room from a model report", () => {
  it("centres the footprint, puts the floor at y = 0 and walls in the collider list", () => {
    const room = draftRoomFromReport(report(), { id: "campus", name: "Campus" });
    expect(room.environment).toEqual({ model: "imported/0123456789abcdef0123456789abcdef.glb", offset: [-3, -0.5, 2] });
    expect(room.size).toEqual([12, 3, 10]);
    expect(room.walkable).toEqual({ minX: -5.7, maxX: 5.7, minZ: -4.7, maxZ: 4.7 });
    expect(room.colliders).toContainEqual({ minX: -0.1, maxX: 0.1, minZ: -5, maxZ: 5 });
    expect(room.shell.walls).toBe(false);
    expect(room.logo.position[2]).toBe(-4.87); // on the back wall's face (-5.1…-4.9), not inside it
    expect(checkRoomFile(room)).toMatchObject({ ok: true });
  });

  it("stands the spawn on free floor when a wall runs through the middle", () => {
    const room = draftRoomFromReport(report(), { id: "campus", name: "Campus" });
    const [x, , z] = room.spawns[0]!.position;
    expect(Math.abs(x)).toBeGreaterThanOrEqual(0.1);
    expect(canLandAt(x, z, room.walkable, room.colliders)).toBe(true);
  });

  it("uses the whole footprint when no floor mesh was found", () => {
    const room = draftRoomFromReport(report({ floor: { height: 0.4, meshes: [], rects: [] }, walls: [] }), { id: "hall", name: "Hall" });
    expect(room.walkable).toEqual({ minX: -5.7, maxX: 5.7, minZ: -4.7, maxZ: 4.7 });
    expect(room.environment?.offset[1]).toBe(-0.4);
  });
});

describe("budget checks", () => {
  it("flag each figure over the Quest budget, and only those", () => {
    const checks = budgetChecks({ triangles: QUEST_BUDGET.triangles + 1, drawCalls: QUEST_BUDGET.drawCalls, textureSize: 4096, textureMemoryBytes: 0 });
    expect(checks.map((c) => [c.metric, c.ok])).toEqual([["triangles", false], ["drawCalls", true], ["textureSize", false], ["textureMemoryBytes", true]]);
  });
});
