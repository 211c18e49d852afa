import type { RoomLayout } from "@otc/contract";
import { furniturePlacements } from "./placements.js";

const DEG = Math.PI / 180;
/** A stage's default platform (width × height × depth, metres) when the room file gives no size, as drawn. */
export const DEFAULT_STAGE_SIZE: [number, number, number] = [6, 0.25, 3];

/** A raised platform people stand on: centre, turn (cos/sin of its yaw), half extents and top height, metres. */
export interface Platform {
  x: number;
  z: number;
  cos: number;
  sin: number;
  halfW: number;
  halfD: number;
  top: number;
}

/** The room's stages as platforms; worked out once per room (the per-frame lookup only tests boxes). */
export function stagePlatforms(room: Pick<RoomLayout, "furniture">): Platform[] {
  return furniturePlacements(room, "stage").map((s) => {
    const [w, h, d] = s.size ?? DEFAULT_STAGE_SIZE;
    return { x: s.position[0], z: s.position[2], cos: Math.cos(s.yawDeg * DEG), sin: Math.sin(s.yawDeg * DEG), halfW: w / 2, halfD: d / 2, top: s.position[1] + h };
  });
}

/**
 * Height of the floor under (x, z), metres: the top of a platform where one stands there, else 0.
 * The point is tested in each platform's own (turned) axes.
 */
export function floorHeightOn(platforms: readonly Platform[], x: number, z: number): number {
  let top = 0;
  for (const p of platforms) {
    const dx = x - p.x;
    const dz = z - p.z;
    // world → local: undo the turn about +y (x' = x cos − z sin, z' = x sin + z cos)
    const lx = dx * p.cos - dz * p.sin;
    const lz = dx * p.sin + dz * p.cos;
    if (Math.abs(lx) <= p.halfW && Math.abs(lz) <= p.halfD) top = Math.max(top, p.top);
  }
  return top;
}

/** floorHeightOn for a room file (works the platforms out each call: for tests and one-off checks). */
export function floorHeightAt(room: Pick<RoomLayout, "furniture">, x: number, z: number): number {
  return floorHeightOn(stagePlatforms(room), x, z);
}
