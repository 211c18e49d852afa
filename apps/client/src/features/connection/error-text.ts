import { Rejection, type RejectionCode } from "@otc/contract";
import { WordedError, type Wording } from "../i18n/wording.js";

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
  const coded = errorWording(error);
  if (typeof coded !== "string") return coded;
  if (error instanceof TypeError || /failed to fetch|networkerror|load failed|ECONNREFUSED/i.test(trimmed) || trimmed === "") {
    return { key: "join.unreachable", params: { endpoint } };
  }
  return trimmed;
}

/** What an `/api` call's failure says when the server could not be reached at all (see console-api). */
export const UNREACHABLE = "unreachable";

/**
 * Any failure worded for a person: a WordedError's wording, an unreachable server, a bare HTTP
 * status, or the server's refusal code; a sentence the server sent as it is.
 */
export function errorWording(error: unknown): Wording | string {
  if (error instanceof WordedError) return error.wording;
  const message = (error instanceof Error ? error.message : String(error)).trim();
  if (message === UNREACHABLE) return { key: "errors.unreachable" };
  const http = /^HTTP (\d{3})$/.exec(message);
  if (http) return { key: "errors.http", params: { status: Number(http[1]) } };
  return serverErrorWording(message);
}
