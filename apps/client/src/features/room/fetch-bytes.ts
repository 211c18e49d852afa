import { readBody } from "../connection/read-body.js";

/**
 * Fetches a file as bytes, reporting progress (0..1) from the response stream when the server
 * sends a length. Throws a readable sentence on an HTTP error.
 */
export async function fetchBytes(url: string, what: string, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${what} (HTTP ${response.status}).`);
  return readBody(response, onProgress);
}
