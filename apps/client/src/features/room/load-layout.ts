import { roomLayoutSchema, type RoomLayout } from "@otc/contract";

/**
 * Fetches `/assets/rooms/<id>.json` from the server, reporting progress (0..1) as bytes arrive,
 * and validates it against the contract.
 */
export async function loadRoomLayout(endpoint: string, layoutId: string, onProgress: (fraction: number) => void): Promise<RoomLayout> {
  const url = `${endpoint}/assets/rooms/${encodeURIComponent(layoutId)}.json`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the room layout "${layoutId}" (HTTP ${response.status}).`);
  const total = Number(response.headers.get("content-length") ?? 0);
  const reader = response.body?.getReader();
  let text = "";
  if (reader) {
    const decoder = new TextDecoder();
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (total > 0) onProgress(Math.min(1, received / total));
    }
    text += decoder.decode();
  } else {
    text = await response.text();
  }
  onProgress(1);
  const parsed = roomLayoutSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`The room layout "${layoutId}" is not valid: ${parsed.error.issues[0]?.message ?? "unknown error"}`);
  return parsed.data;
}
