/**
 * Why the server refused a join or a message. Only codes travel on the wire; the client words them
 * from its catalogues (packages/i18n), so each person reads them in their own language.
 */
export const Rejection = {
  protocolMismatch: "protocol-mismatch",
  invalidJoin: "invalid-join",
  /** The email typed at join is not an address (join screen, when the session asks for one). */
  invalidEmail: "invalid-email",
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
  openElsewhere: "open-elsewhere",
  removed: "removed",
  sessionFull: "session-full",
  waitingRoom: "waiting-room",
  waitingRefused: "waiting-refused",
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

/**
 * How a refusal travels where only a string fits (a join's ServerError message, an HTTP error
 * body): the bare code, or `code: detail`. The detail is technical (a field path, versions), never a
 * sentence; the client words the code and shows the detail in brackets.
 */
export function rejectionWire(code: RejectionCode, detail?: string): string {
  return detail ? `${code}: ${detail}` : code;
}
