import { roomLayoutSchema, type RoomLayout } from "@otc/contract";
import { fetchBytes } from "./fetch-bytes.js";

/**
 * Fetches `/assets/rooms/<id>.json` from the server, reporting progress (0..1) as bytes arrive,
 * and validates it against the contract.
 */
export async function loadRoomLayout(endpoint: string, layoutId: string, onProgress: (fraction: number) => void): Promise<RoomLayout> {
  const url = `${endpoint}/assets/rooms/${encodeURIComponent(layoutId)}.json`;
  const text = new TextDecoder().decode(await fetchBytes(url, `the room layout "${layoutId}"`, onProgress));
  const parsed = roomLayoutSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`The room layout "${layoutId}" is not valid: ${parsed.error.issues[0]?.message ?? "unknown error"}`);
  return parsed.data;
}
