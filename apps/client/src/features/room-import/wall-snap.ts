import type { RoomLayout } from "@otc/contract";

export interface WallSpot {
  x: number;
  z: number;
  /** Yaw of a panel facing away from the wall, degrees (0 faces +z). */
  yawDeg: number;
}

/** How far from a wall a click still puts a panel on it, metres. */
export const SNAP_DISTANCE = 1.5;
const GAP = 0.03; // metres between the wall face and the panel
const round = (n: number) => Math.round(n * 100) / 100;

interface Face {
  /** Distance from the click to the face, and the snapped spot. */
  distance: number;
  spot: WallSpot;
}

/** The faces of a collider rect seen from (x, z) outside it, with outward normals. */
function colliderFaces(r: RoomLayout["colliders"][number], x: number, z: number): Face[] {
  const out: Face[] = [];
  const cx = Math.min(r.maxX, Math.max(r.minX, x));
  const cz = Math.min(r.maxZ, Math.max(r.minZ, z));
  if (z >= r.maxZ) out.push({ distance: Math.hypot(x - cx, z - r.maxZ), spot: { x: cx, z: r.maxZ + GAP, yawDeg: 0 } });
  if (z <= r.minZ) out.push({ distance: Math.hypot(x - cx, z - r.minZ), spot: { x: cx, z: r.minZ - GAP, yawDeg: 180 } });
  if (x >= r.maxX) out.push({ distance: Math.hypot(x - r.maxX, z - cz), spot: { x: r.maxX + GAP, z: cz, yawDeg: 90 } });
  if (x <= r.minX) out.push({ distance: Math.hypot(x - r.minX, z - cz), spot: { x: r.minX - GAP, z: cz, yawDeg: -90 } });
  return out;
}

/** The room's outer edges (its size), seen from inside, with inward normals. */
function roomFaces(room: RoomLayout, x: number, z: number): Face[] {
  const [w, , d] = room.size;
  return [
    { distance: Math.abs(z + d / 2), spot: { x, z: -d / 2 + GAP, yawDeg: 0 } },
    { distance: Math.abs(d / 2 - z), spot: { x, z: d / 2 - GAP, yawDeg: 180 } },
    { distance: Math.abs(x + w / 2), spot: { x: -w / 2 + GAP, z, yawDeg: 90 } },
    { distance: Math.abs(w / 2 - x), spot: { x: w / 2 - GAP, z, yawDeg: -90 } },
  ];
}

/**
 * Where a screen, board or the logo clicked at (x, z) hangs: on the nearest wall face (a wall collider or the
 * room's edge) within SNAP_DISTANCE, facing into the room; otherwise free-standing where clicked,
 * facing +z.
 */
export function wallSpot(room: RoomLayout, x: number, z: number): WallSpot {
  const faces = [...room.colliders.flatMap((r) => colliderFaces(r, x, z)), ...roomFaces(room, x, z)];
  const best = faces.reduce<Face | null>((a, f) => (a === null || f.distance < a.distance ? f : a), null);
  const spot = best && best.distance <= SNAP_DISTANCE ? best.spot : { x, z, yawDeg: 0 };
  return { x: round(spot.x), z: round(spot.z), yawDeg: spot.yawDeg };
}

/** Yaw (degrees) that turns a person or seat at (x, z) to face (tx, tz); people look along −z at yaw 0. */
export function yawToward(x: number, z: number, tx: number, tz: number): number {
  if (Math.hypot(tx - x, tz - z) < 1e-6) return 0;
  return Math.round((Math.atan2(-(tx - x), -(tz - z)) * 180) / Math.PI) + 0; // + 0: no -0 in the file
}
