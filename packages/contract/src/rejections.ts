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
  noLink: "no-link",
  invalidLink: "invalid-link",
  wrongSession: "wrong-session",
  unknownSession: "unknown-session",
  sessionEnded: "session-ended",
  linkReplaced: "link-replaced",
  linkExpired: "link-expired",
  notAllowed: "not-allowed",
  storageFailed: "storage-failed",
} as const;
export type RejectionCode = (typeof Rejection)[keyof typeof Rejection];

/** Close/error code the server uses when refusing a join (Colyseus application range). */
export const JOIN_REFUSED_CODE = 4403;

/**
 * HTTP status of a refused room creation: the first join of a session creates its room, and a room
 * is only created for a valid invitation, so that join is refused here (same reasons and texts as
 * JOIN_REFUSED_CODE, which a socket carries but an HTTP answer cannot).
 */
export const CREATE_REFUSED_CODE = 403;

export function rejectionText(code: RejectionCode, detail?: string): string {
  const base: Record<RejectionCode, string> = {
    "protocol-mismatch": "This page is out of date for the server. Reload the page to get the current version.",
    "invalid-join": "The join details were not accepted.",
    "invalid-message": "A message was not accepted.",
    "rate-limited": "Too many messages; some were dropped.",
    "out-of-bounds": "That position is outside the room.",
    "too-fast": "That movement was faster than a person can move.",
    "no-link": "Open the invitation link you were given: this address has no invitation in it.",
    "invalid-link": "This invitation link is not valid. Check that you copied all of it, or ask the facilitator for the link again.",
    "wrong-session": "This invitation link belongs to another session.",
    "unknown-session": "This session does not exist. Ask the facilitator for a current link.",
    "session-ended": "This session has ended.",
    "link-replaced": "This invitation link was replaced by a newer one. Ask the facilitator for the current link.",
    "link-expired": "This invitation link has expired. Ask the facilitator for a new one.",
    "not-allowed": "Only a facilitator can do that.",
    "storage-failed": "The server could not save that change; nothing was changed. Try again.",
  };
  return detail ? `${base[code]} (${detail})` : base[code];
}
