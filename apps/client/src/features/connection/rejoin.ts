import { CREATE_REFUSED_CODE, JOIN_REFUSED_CODE } from "@otc/contract";

/** Close codes after which the seat is gone but the session may still be there: join afresh. */
const SERVER_SHUTDOWN = 4001;
const FAILED_TO_RECONNECT = 4003;
const ABNORMAL_CLOSURE = 1006; // also sent when a room drops before the SDK's minimum uptime

export function shouldRejoin(code: number): boolean {
  return code === SERVER_SHUTDOWN || code === FAILED_TO_RECONNECT || code === ABNORMAL_CLOSURE;
}

/** Pause before rejoin attempt `n` (0-based), ms: quick at first (a restart takes seconds), then every 5 s. */
export function rejoinDelayMs(attempt: number): number {
  return Math.min(5000, 500 * 2 ** attempt);
}

/** How long to keep trying before telling the person we are disconnected, ms. */
export const REJOIN_GIVE_UP_MS = 3 * 60 * 1000;

/** A refusal (revoked link, ended session) will not change by retrying. */
export function isRefusal(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === JOIN_REFUSED_CODE || code === CREATE_REFUSED_CODE;
}
