import { z } from "zod";

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/**
 * The minimal room description the walking skeleton needs: walkable bounds, spawn points, the
 * logo spot and the screen placeholder. Custom rooms extend this (versioned) format.
 */
export const roomLayoutSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Interior size in metres: x width, y height, z depth; the floor is centred on the origin at y = 0. */
  size: vec3,
  /** Walkable area for heads and teleports, metres, inset from the walls. */
  walkable: z.object({ minX: z.number(), maxX: z.number(), minZ: z.number(), maxZ: z.number() }),
  spawns: z.array(z.object({ position: vec3, yawDeg: z.number() })).min(1),
  screen: z.object({ position: vec3, width: z.number().positive(), height: z.number().positive() }),
  logo: z.object({ position: vec3, size: z.number().positive(), text: z.string().max(40) }),
  palette: z.object({ floor: hex, walls: hex, accent: hex, ceiling: hex }),
});
export type RoomLayout = z.infer<typeof roomLayoutSchema>;

/**
 * Where the person holding `slot` first appears: the layout's spawn points, round robin. Server and
 * client both derive it from the slot in the state, so they agree without a message.
 */
export function spawnPointFor(layout: RoomLayout, slot: number): RoomLayout["spawns"][number] {
  return layout.spawns[slot % layout.spawns.length]!;
}
