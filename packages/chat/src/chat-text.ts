import { CHAT_TEXT_MAX } from "@otc/contract";

// C0 and C1 controls, DEL, and bidirectional overrides (which can make a message read backwards).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A chat text as stored and shown: control characters become spaces, runs of spaces collapse, the
 * ends are trimmed and the length is cut to CHAT_TEXT_MAX. "" means nothing is left to post.
 * Clients render it as text, never as HTML.
 */
export function cleanChatText(raw: string): string {
  const flat = raw.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return Array.from(flat).slice(0, CHAT_TEXT_MAX).join("").trim();
}
