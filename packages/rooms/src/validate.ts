import { roomLayoutSchema, type RoomLayout } from "@otc/contract";
import type { z } from "zod";
import { canLandAt, obstacleRects } from "./collisions.js";
import { seatPlacements } from "./placements.js";

export type RoomFileCheck = { ok: true; room: RoomLayout } | { ok: false; errors: string[] };

function pathOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(file)" : path.map(String).join(".");
}

/**
 * Validates a parsed room file: the schema first (each error names its path, e.g.
 * `screens.1.width: Too small…`), then what the schema cannot see: spawn points on free floor,
 * panels and seats inside the room.
 */
export function checkRoomFile(json: unknown): RoomFileCheck {
  const parsed = roomLayoutSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i: z.core.$ZodIssue) => `${pathOf(i.path)}: ${i.message}`) };
  const room = parsed.data;
  const errors: string[] = [];
  const [w, h, d] = room.size;
  const inside = (p: readonly number[]) => Math.abs(p[0]!) <= w / 2 + 0.01 && p[1]! >= -0.01 && p[1]! <= h + 0.01 && Math.abs(p[2]!) <= d / 2 + 0.01;
  const wk = room.walkable;
  if (wk.minX >= wk.maxX || wk.minZ >= wk.maxZ) errors.push("walkable: max must be greater than min");
  if (wk.minX < -w / 2 || wk.maxX > w / 2 || wk.minZ < -d / 2 || wk.maxZ > d / 2) errors.push(`walkable: must lie inside the room (${w} × ${d} m)`);
  const obstacles = obstacleRects(room);
  room.spawns.forEach((s, i) => {
    if (!canLandAt(s.position[0], s.position[2], wk, obstacles)) errors.push(`spawns.${i}.position: not on free walkable floor`);
  });
  for (const key of ["screens", "boards"] as const) {
    room[key].forEach((a, i) => {
      if (!inside(a.position)) errors.push(`${key}.${i}.position: outside the room`);
    });
  }
  seatPlacements(room).forEach((s, i) => {
    if (!inside(s.position)) errors.push(`seats (seat ${i + 1}): outside the room`);
  });
  if (!inside(room.logo.position)) errors.push("logo.position: outside the room");
  return errors.length ? { ok: false, errors } : { ok: true, room };
}
