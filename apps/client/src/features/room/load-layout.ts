import { roomLayoutSchema, type RoomLayout } from "@otc/contract";
import { WordedError } from "../i18n/wording.js";
import { fetchBytes } from "./fetch-bytes.js";

/**
 * Fetches `/assets/rooms/<id>.json` from the server, reporting progress (0..1) as bytes arrive,
 * and validates it against the contract.
 */
export async function loadRoomLayout(endpoint: string, layoutId: string, onProgress: (fraction: number) => void): Promise<RoomLayout> {
  const url = `${endpoint}/assets/rooms/${encodeURIComponent(layoutId)}.json`;
  const text = new TextDecoder().decode(await fetchBytes(url, { key: "room.layoutFile", params: { id: layoutId } }, onProgress));
  const parsed = roomLayoutSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new WordedError({ key: "room.layoutInvalid", params: { id: layoutId, detail: parsed.error.issues[0]?.message ?? "?" } });
  return parsed.data;
}
