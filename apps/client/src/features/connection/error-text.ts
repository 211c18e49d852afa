import { Rejection, type RejectionCode } from "@otc/contract";
import type { Wording } from "../i18n/wording.js";

const CODES = new Set<string>(Object.values(Rejection));

/** A server's refusal as it travels in a string (`code` or `code: detail`, see rejectionWire), worded; other text as it is. */
export function serverErrorWording(message: string): Wording | string {
  const trimmed = message.trim();
  if (isRejectionCode(trimmed)) return { key: `notice.${trimmed}` };
  const prefixed = /^([a-z-]+):\s*(.*)$/s.exec(trimmed);
  if (prefixed && isRejectionCode(prefixed[1]!)) return prefixed[2] ? { key: `notice.${prefixed[1]}`, params: { detail: prefixed[2] } } : { key: `notice.${prefixed[1]}` };
  return trimmed;
}

function isRejectionCode(s: string): s is RejectionCode {
  return CODES.has(s);
}

/**
 * Turns a failed join (or a refused HTTP request) into a sentence a person can act on: the
 * server's refusal code worded from the catalogues (with its technical detail), or a hint when the
 * server could not be reached. Anything else is shown as the server said it.
 */
export function joinErrorText(error: unknown, endpoint: string): Wording | string {
  const message = error instanceof Error ? error.message : String(error);
  const trimmed = message.trim();
  const coded = serverErrorWording(trimmed);
  if (typeof coded !== "string") return coded;
  if (error instanceof TypeError || /failed to fetch|networkerror|load failed|ECONNREFUSED/i.test(trimmed) || trimmed === "") {
    return { key: "join.unreachable", params: { endpoint } };
  }
  return trimmed;
}
