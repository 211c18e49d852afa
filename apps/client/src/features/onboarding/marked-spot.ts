import { resolveWalk, type Rect } from "@otc/rooms";

/** The marked spot's radius, metres (the ring on the floor). */
export const SPOT_RADIUS = 0.6;
/** Half a chair and a little more: a spot keeps this far beyond its ring from every seat, so the ring is not drawn among chairs. */
const SEAT_CLEARANCE = 0.3;
/** A walker's radius against furniture, as the walking code uses it. */
const WALKER = 0.3;
/** The ways tried, degrees from straight ahead: ahead first, then turning further each side. */
const TURNS = [0, 45, -45, 90, -90, 135, -135, 180];

/** What the floor holds around the person: where one may walk, furniture in the way, and each seat's floor position (x, z). */
export interface SpotGround {
  walkable: Rect;
  obstacles: readonly Rect[];
  seats: ReadonlyArray<readonly [number, number]>;
}

/** Whether a walker of `radius` metres can go straight from (x0, z0) to (x1, z1): no obstacle on the way. */
function clearWay(x0: number, z0: number, x1: number, z1: number, radius: number, obstacles: readonly Rect[]): boolean {
  const n = Math.ceil(Math.hypot(x1 - x0, z1 - z0) / 0.2);
  for (let i = 1; i <= n; i++) {
    const x = x0 + ((x1 - x0) * i) / n;
    const z = z0 + ((z1 - z0) * i) / n;
    if (obstacles.some((o) => x > o.minX - radius && x < o.maxX + radius && z > o.minZ - radius && z < o.maxZ + radius)) return false;
  }
  return true;
}

/**
 * The marked spot for someone standing at (x, z) facing `yaw` (radians, three's: 0 looks down −z):
 * `ahead` metres away, on the walkable floor, reachable in a straight line, and clear of the seats —
 * straight ahead when that is so, else the first way turning from ahead that is. Where no way is clear
 * of the seats, the first reachable one (chairs do not block walking); where none is reachable, ahead.
 */
export function markedSpot(x: number, z: number, yaw: number, ahead: number, ground: SpotGround): [number, number] {
  const { walkable, obstacles, seats } = ground;
  const ways = TURNS.map((turn) => {
    const a = yaw + (turn * Math.PI) / 180;
    return resolveWalk(x - Math.sin(a) * ahead, z - Math.cos(a) * ahead, WALKER, walkable, obstacles);
  });
  const reachable = ([sx, sz]: [number, number]) => Math.hypot(sx - x, sz - z) >= SPOT_RADIUS * 2.5 && clearWay(x, z, sx, sz, WALKER, obstacles);
  const offSeats = ([sx, sz]: [number, number]) => seats.every(([cx, cz]) => Math.hypot(cx - sx, cz - sz) > SPOT_RADIUS + SEAT_CLEARANCE);
  return ways.find((p) => reachable(p) && offSeats(p)) ?? ways.find(reachable) ?? ways[0]!;
}
