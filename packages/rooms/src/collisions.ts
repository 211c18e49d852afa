import type { RoomLayout } from "@otc/contract";
import { FOOTPRINT, expandGrid } from "./placements.js";

export interface Rect {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

const DEG = Math.PI / 180;

/** Axis-aligned boxes that stop walking: each furniture piece's rotated footprint, plus the file's colliders. */
export function obstacleRects(room: Pick<RoomLayout, "furniture" | "colliders">): Rect[] {
  const out: Rect[] = [...room.colliders];
  for (const f of room.furniture) {
    const { w, d } = FOOTPRINT[f.kind];
    if (w === 0 || d === 0) continue;
    const c = Math.abs(Math.cos(f.yawDeg * DEG));
    const s = Math.abs(Math.sin(f.yawDeg * DEG));
    const hx = (w * c + d * s) / 2;
    const hz = (w * s + d * c) / 2;
    for (const p of expandGrid(f)) out.push({ minX: p.position[0] - hx, maxX: p.position[0] + hx, minZ: p.position[2] - hz, maxZ: p.position[2] + hz });
  }
  return out;
}

/**
 * Where a walker of `radius` metres ends up when trying to stand at (x, z): inside the walkable
 * rectangle, and pushed out of every obstacle along the shortest way (walls stop, they do not teleport).
 */
export function resolveWalk(x: number, z: number, radius: number, walkable: Rect, obstacles: readonly Rect[]): [number, number] {
  let px = Math.min(walkable.maxX, Math.max(walkable.minX, x));
  let pz = Math.min(walkable.maxZ, Math.max(walkable.minZ, z));
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (const o of obstacles) {
      const cx = Math.min(o.maxX, Math.max(o.minX, px));
      const cz = Math.min(o.maxZ, Math.max(o.minZ, pz));
      const dx = px - cx;
      const dz = pz - cz;
      const dist = Math.hypot(dx, dz);
      if (dist >= radius) continue;
      moved = true;
      if (dist > 1e-6) {
        px = cx + (dx / dist) * radius;
        pz = cz + (dz / dist) * radius;
      } else {
        // centre inside the box: leave by the nearest side
        const exits: Array<[number, number, number]> = [
          [o.minX - radius - px, 0, px - (o.minX - radius)],
          [o.maxX + radius - px, 0, o.maxX + radius - px],
          [0, o.minZ - radius - pz, pz - (o.minZ - radius)],
          [0, o.maxZ + radius - pz, o.maxZ + radius - pz],
        ];
        exits.sort((a, b) => Math.abs(a[2]) - Math.abs(b[2]));
        px += exits[0]![0];
        pz += exits[0]![1];
      }
    }
    px = Math.min(walkable.maxX, Math.max(walkable.minX, px));
    pz = Math.min(walkable.maxZ, Math.max(walkable.minZ, pz));
    if (!moved) break;
  }
  return [px, pz];
}

/** Whether a teleport may land at (x, z): on the walkable floor and not inside furniture or a collider. */
export function canLandAt(x: number, z: number, walkable: Rect, obstacles: readonly Rect[]): boolean {
  if (x < walkable.minX || x > walkable.maxX || z < walkable.minZ || z > walkable.maxZ) return false;
  return !obstacles.some((o) => x > o.minX && x < o.maxX && z > o.minZ && z < o.maxZ);
}
