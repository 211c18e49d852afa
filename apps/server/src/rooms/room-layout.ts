import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { RoomLayout } from "@otc/contract";
import { checkRoomFile } from "@otc/rooms";

/** The template a session gets when it names none (and the demo session's room). */
export const DEFAULT_ROOM_LAYOUT = "training-room";

/** Reads and validates assets/rooms/<id>.json; throws naming the file and each problem's path. */
export async function loadRoomLayout(assetsDir: string, id: string = DEFAULT_ROOM_LAYOUT): Promise<RoomLayout> {
  const file = path.join(assetsDir, "rooms", `${id}.json`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw new Error(`room file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const checked = checkRoomFile(json);
  if (!checked.ok) throw new Error(`room file ${file}:\n  ${checked.errors.join("\n  ")}`);
  if (checked.room.id !== id) throw new Error(`room file ${file}: id "${checked.room.id}" must match the file name "${id}"`);
  return checked.room;
}

/** Every room template in assets/rooms, by id (the file name without .json). */
export async function loadRoomLayouts(assetsDir: string): Promise<Map<string, RoomLayout>> {
  const files = (await readdir(path.join(assetsDir, "rooms"))).filter((f) => f.endsWith(".json")).sort();
  const layouts = new Map<string, RoomLayout>();
  for (const file of files) {
    const layout = await loadRoomLayout(assetsDir, file.slice(0, -5));
    layouts.set(file.slice(0, -5), layout);
  }
  if (!layouts.has(DEFAULT_ROOM_LAYOUT)) throw new Error(`assets/rooms/${DEFAULT_ROOM_LAYOUT}.json is missing`);
  return layouts;
}
