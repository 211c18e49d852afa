import { readFile } from "node:fs/promises";
import path from "node:path";
import { roomLayoutSchema, type RoomLayout } from "@otc/contract";

/** The layout every session uses until sessions can pick one. */
export const DEFAULT_ROOM_LAYOUT = "training-room";

/** Reads and validates assets/rooms/<id>.json; throws with the file and the zod issues if invalid. */
export async function loadRoomLayout(assetsDir: string, id: string = DEFAULT_ROOM_LAYOUT): Promise<RoomLayout> {
  const file = path.join(assetsDir, "rooms", `${id}.json`);
  const parsed = roomLayoutSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`invalid room layout ${file}: ${parsed.error.message}`);
  return parsed.data;
}
