/**
 * Why the server refused a join or a message. Codes travel on the wire; the texts are what a
 * person sees (the client may translate them by code).
 */
export const Rejection = {
  protocolMismatch: "protocol-mismatch",
  invalidJoin: "invalid-join",
  invalidMessage: "invalid-message",
  rateLimited: "rate-limited",
  outOfBounds: "out-of-bounds",
  tooFast: "too-fast",
} as const;
export type RejectionCode = (typeof Rejection)[keyof typeof Rejection];

/** Close/error code the server uses when refusing a join (Colyseus application range). */
export const JOIN_REFUSED_CODE = 4403;

export function rejectionText(code: RejectionCode, detail?: string): string {
  const base: Record<RejectionCode, string> = {
    "protocol-mismatch": "This page is out of date for the server. Reload the page to get the current version.",
    "invalid-join": "The join details were not accepted.",
    "invalid-message": "A message was not accepted.",
    "rate-limited": "Too many messages; some were dropped.",
    "out-of-bounds": "That position is outside the room.",
    "too-fast": "That movement was faster than a person can move.",
  };
  return detail ? `${base[code]} (${detail})` : base[code];
}
