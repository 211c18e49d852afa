import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MAX_MODEL_UPLOAD_BYTES, type RoomLayout } from "@otc/contract";
import { LOGO_PATH as LOGO_ENTRY, MAX_LOGO_BYTES as LOGO_CAP } from "./brand-logos.js";

export const ARCHIVE_ROOM_FILE = "room.json";
const MODEL_ENTRY = /^imported\/[a-f0-9]{32}\.glb$/;


/**
 * A room as one zip: `room.json`, and, where the room has them, its model and its uploaded logo at
 * the paths the room file names.
 */
export function packRoom(room: RoomLayout, model: Uint8Array | null, logo: Uint8Array | null = null): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { [ARCHIVE_ROOM_FILE]: strToU8(JSON.stringify(room, null, 2)) };
  if (room.environment && model) files[room.environment.model] = [model, { level: 0 }]; // GLB is already compressed
  if (room.brand?.logoImage && logo) files[room.brand.logoImage] = [logo, { level: 0 }];
  return zipSync(files);
}

export type UnpackResult = { ok: true; json: unknown; models: Map<string, Uint8Array>; logos: Map<string, Uint8Array> } | { ok: false; error: string };

/**
 * Reads a room archive without trusting it: only `room.json`, `imported/<id>.glb` and
 * `uploads/brand/<id>.png` entries are inflated, each checked against its size cap before inflating (a zip bomb is refused, not unpacked).
 */
export function unpackRoom(bytes: Uint8Array): UnpackResult {
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, error: "This is not a room archive (a .zip file exported from a room)." };
  let tooBig: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === ARCHIVE_ROOM_FILE || MODEL_ENTRY.test(f.name) || LOGO_ENTRY.test(f.name);
        const cap = f.name === ARCHIVE_ROOM_FILE ? 256 * 1024 : LOGO_ENTRY.test(f.name) ? LOGO_CAP : MAX_MODEL_UPLOAD_BYTES;
        if (wanted && f.originalSize > cap) tooBig = f.name;
        return wanted && f.originalSize <= cap;
      },
    });
  } catch (e) {
    return { ok: false, error: `The archive could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (tooBig) return { ok: false, error: `The archive's ${tooBig} is larger than allowed.` };
  const roomFile = entries[ARCHIVE_ROOM_FILE];
  if (!roomFile) return { ok: false, error: `The archive has no ${ARCHIVE_ROOM_FILE}.` };
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(roomFile));
  } catch {
    return { ok: false, error: `The archive's ${ARCHIVE_ROOM_FILE} is not JSON.` };
  }
  const files = Object.entries(entries);
  return { ok: true, json, models: new Map(files.filter(([name]) => MODEL_ENTRY.test(name))), logos: new Map(files.filter(([name]) => LOGO_ENTRY.test(name))) };
}
