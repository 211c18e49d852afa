import { strFromU8, strToU8, zipSync } from "fflate";
import { MAX_MODEL_UPLOAD_BYTES, type RoomLayout } from "@otc/contract";
import { LOGO_PATH as LOGO_ENTRY, MAX_LOGO_BYTES as LOGO_CAP } from "./brand-logos.js";
import { readZipEntry, zipEntries, ZipTooBig } from "./zip-reader.js";

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

const ROOM_FILE_CAP = 256 * 1024;
/** Most bytes one archive may inflate to in all: a room file, one model and one logo. */
export const ARCHIVE_INFLATED_MAX = ROOM_FILE_CAP + MAX_MODEL_UPLOAD_BYTES + LOGO_CAP;
const MiB = 1024 * 1024;

const capOf = (name: string) => (name === ARCHIVE_ROOM_FILE ? ROOM_FILE_CAP : LOGO_ENTRY.test(name) ? LOGO_CAP : MAX_MODEL_UPLOAD_BYTES);
const wanted = (name: string) => name === ARCHIVE_ROOM_FILE || MODEL_ENTRY.test(name) || LOGO_ENTRY.test(name);

/**
 * Reads a room archive without trusting it: only `room.json`, `imported/<id>.glb` and
 * `uploads/brand/<id>.png` entries are inflated. Each is capped by the bytes it actually inflates to
 * (not what it declares), and so is the archive as a whole (ARCHIVE_INFLATED_MAX): a zip bomb is
 * stopped after at most its cap, and an entry whose declared size lies is refused as damaged.
 */
export function unpackRoom(bytes: Uint8Array, totalCap = ARCHIVE_INFLATED_MAX): UnpackResult {
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, error: "This is not a room archive (a .zip file exported from a room)." };
  const entries = new Map<string, Uint8Array>();
  let left = totalCap;
  try {
    for (const entry of zipEntries(bytes).filter((e) => wanted(e.name))) {
      const cap = capOf(entry.name);
      if (entry.declaredSize > cap) return { ok: false, error: `The archive's ${entry.name} is larger than allowed.` }; // refused before inflating
      const limit = Math.min(cap, left);
      try {
        const data = readZipEntry(bytes, entry, limit);
        entries.set(entry.name, data);
        left -= data.byteLength;
      } catch (e) {
        if (!(e instanceof ZipTooBig)) throw e;
        if (limit < cap) return { ok: false, error: `The archive inflates to more than ${Math.round(totalCap / MiB)} MB in all.` };
        return { ok: false, error: `The archive's ${entry.name} is larger than allowed.` };
      }
    }
  } catch (e) {
    return { ok: false, error: `The archive could not be read: ${e instanceof Error ? e.message : String(e)}.` };
  }
  const roomFile = entries.get(ARCHIVE_ROOM_FILE);
  if (!roomFile) return { ok: false, error: `The archive has no ${ARCHIVE_ROOM_FILE}.` };
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(roomFile));
  } catch {
    return { ok: false, error: `The archive's ${ARCHIVE_ROOM_FILE} is not JSON.` };
  }
  const files = [...entries];
  return { ok: true, json, models: new Map(files.filter(([name]) => MODEL_ENTRY.test(name))), logos: new Map(files.filter(([name]) => LOGO_ENTRY.test(name))) };
}
