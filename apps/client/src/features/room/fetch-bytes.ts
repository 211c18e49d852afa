import { readBody } from "../connection/read-body.js";
import { WordedError, type Wording } from "../i18n/wording.js";

/**
 * Fetches a file as bytes, reporting progress (0..1) from the response stream when the server
 * sends a length. Throws a WordedError naming `what` on an HTTP error.
 */
export async function fetchBytes(url: string, what: Wording, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new WordedError({ key: "room.loadFailed", params: { status: response.status }, reason: what });
  return readBody(response, onProgress);
}
