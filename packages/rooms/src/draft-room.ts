import { roomLayoutSchema, type ModelReport, type RoomLayout } from "@otc/contract";
import { canLandAt, type Rect } from "./collisions.js";

export interface DraftOptions {
  id: string;
  name: string;
}

const INSET = 0.3; // metres kept clear of the floor's edge for heads and teleports
const round = (n: number) => Math.round(n * 100) / 100;

function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  return rects.reduce((a, r) => ({ minX: Math.min(a.minX, r.minX), maxX: Math.max(a.maxX, r.maxX), minZ: Math.min(a.minZ, r.minZ), maxZ: Math.max(a.maxZ, r.maxZ) }));
}

/**
 * The first room file for an uploaded model, before anchors are placed: the model is moved so its
 * footprint is centred on the origin and its floor lies at y = 0; the walkable area is the floor
 * meshes' extent (or the whole footprint), walls become colliders, and one spawn stands on free
 * floor nearest the middle. Screens, boards and seats are left for the editor.
 */
export function draftRoomFromReport(report: ModelReport, opts: DraftOptions): RoomLayout {
  const { min, max } = report.bounds;
  const cx = (min[0] + max[0]) / 2;
  const cz = (min[2] + max[2]) / 2;
  const shift = (r: Rect): Rect => ({ minX: round(r.minX - cx), maxX: round(r.maxX - cx), minZ: round(r.minZ - cz), maxZ: round(r.maxZ - cz) });
  const width = Math.max(1, max[0] - min[0]);
  const depth = Math.max(1, max[2] - min[2]);
  const height = Math.max(2.5, max[1] - report.floor.height);
  const floor = union(report.floor.rects.map(shift)) ?? { minX: -width / 2, maxX: width / 2, minZ: -depth / 2, maxZ: depth / 2 };
  const walkable = {
    minX: round(Math.max(-width / 2, floor.minX) + INSET),
    maxX: round(Math.min(width / 2, floor.maxX) - INSET),
    minZ: round(Math.max(-depth / 2, floor.minZ) + INSET),
    maxZ: round(Math.min(depth / 2, floor.maxZ) - INSET),
  };
  const colliders = report.walls.map(shift).slice(0, 200);
  // The logo faces +z, so it hangs on the face of the back wall (the collider furthest to -z across the middle).
  const backWall = colliders.filter((c) => c.minX <= 0 && c.maxX >= 0 && c.maxZ < 0).sort((a, b) => a.minZ - b.minZ)[0];
  const logoZ = backWall ? round(backWall.maxZ + 0.03) : round(-depth / 2 + 0.05);
  const spawn = freeSpotNear((walkable.minX + walkable.maxX) / 2, (walkable.minZ + walkable.maxZ) / 2, walkable, colliders);
  return roomLayoutSchema.parse({
    version: 2,
    id: opts.id,
    name: opts.name,
    size: [round(width), round(height), round(depth)],
    walkable,
    spawns: [{ position: [spawn[0], 0, spawn[1]], yawDeg: 0 }],
    screens: [],
    boards: [],
    logo: { position: [0, round(Math.min(height - 0.4, 2.4)), logoZ], size: 1.2, text: opts.name.slice(0, 40) },
    palette: { floor: "#b9a58c", walls: "#eef0ee", accent: "#2f6f8f", ceiling: "#f7f7f5" },
    shell: { walls: false, windows: "none" },
    environment: { model: `imported/${report.modelId}.glb`, offset: [round(-cx), round(-report.floor.height), round(-cz)] },
    colliders,
  });
}

/** The free floor point nearest (x, z), searched on a 0.25 m spiral; (x, z) itself when nothing is free. */
export function freeSpotNear(x: number, z: number, walkable: Rect, obstacles: readonly Rect[]): [number, number] {
  const step = 0.25;
  for (let ring = 0; ring < 80; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dz] of [[i, -ring], [i, ring], [-ring, i], [ring, i]] as const) {
        const px = round(x + dx * step);
        const pz = round(z + dz * step);
        if (canLandAt(px, pz, walkable, obstacles)) return [px, pz];
      }
    }
  }
  return [round(x), round(z)];
}
