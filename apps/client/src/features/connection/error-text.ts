import { Rejection, rejectionText, type RejectionCode } from "@otc/contract";

const CODES = new Set<string>(Object.values(Rejection));

function isRejectionCode(s: string): s is RejectionCode {
  return CODES.has(s);
}

/**
 * Turns a failed join into a sentence a person can act on: the server's own words when it refused
 * (translated when it sent a bare rejection code), or a hint when it could not be reached.
 */
export function joinErrorText(error: unknown, endpoint: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const trimmed = message.trim();
  if (isRejectionCode(trimmed)) return rejectionText(trimmed);
  const prefixed = /^([a-z-]+):\s*(.*)$/.exec(trimmed);
  if (prefixed && isRejectionCode(prefixed[1]!)) return rejectionText(prefixed[1], prefixed[2] || undefined);
  if (error instanceof TypeError || /failed to fetch|networkerror|load failed|ECONNREFUSED/i.test(trimmed) || trimmed === "") {
    return `Cannot reach the training server at ${endpoint}. Check that it is running and that this device is on the same network, then try again.`;
  }
  return trimmed;
}
