import type { RoomLayout } from "@otc/contract";
import { furniturePlacements } from "./placements.js";

const DEG = Math.PI / 180;
/** A stage's default platform (width × height × depth, metres) when the room file gives no size, as drawn. */
export const DEFAULT_STAGE_SIZE: [number, number, number] = [6, 0.25, 3];

/**
 * Height of the floor under (x, z), metres: the top of a stage platform where one stands there,
 * else 0. A stage is a box turned by its yaw, so the point is tested in the stage's own axes.
 */
export function floorHeightAt(room: Pick<RoomLayout, "furniture">, x: number, z: number): number {
  let top = 0;
  for (const s of furniturePlacements(room, "stage")) {
    const [w, h, d] = s.size ?? DEFAULT_STAGE_SIZE;
    const dx = x - s.position[0];
    const dz = z - s.position[2];
    const c = Math.cos(s.yawDeg * DEG);
    const n = Math.sin(s.yawDeg * DEG);
    // world → local: undo the turn about +y (x' = x cos − z sin, z' = x sin + z cos)
    const lx = dx * c - dz * n;
    const lz = dx * n + dz * c;
    if (Math.abs(lx) <= w / 2 && Math.abs(lz) <= d / 2) top = Math.max(top, s.position[1] + h);
  }
  return top;
}
