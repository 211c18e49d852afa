import type { ModelReport } from "@otc/contract";

/** Test fixture: a 10 × 8 m office: floor mesh everywhere, a wall along the back (z from −4 to −3.8). */
export const officeReport: ModelReport = {
  modelId: "0123456789abcdef0123456789abcdef",
  bytes: 1000,
  triangles: 1000,
  drawCalls: 3,
  materials: 2,
  textures: [],
  textureMemoryBytes: 0,
  bounds: { min: [-5, 0, -4], max: [5, 3, 4] },
  meshNames: ["floor", "wall-back"],
  floor: { height: 0, meshes: ["floor"], rects: [{ minX: -5, maxX: 5, minZ: -4, maxZ: 4 }] },
  walls: [{ minX: -5, maxX: 5, minZ: -4, maxZ: -3.8 }],
  checks: [],
  withinBudget: true,
  clientReady: true,
  notes: [],
};
