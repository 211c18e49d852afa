import { Rejection, type RejectionCode } from "@otc/contract";

/** Counters a room keeps about presence intake; tests and operators read them, nothing else. */
export interface PresenceStats {
  accepted: number;
  /** Accepted after clamping (walked into a wall, outran the walking allowance, hand beyond reach). */
  clamped: number;
  dropped: Record<RejectionCode, number>;
  /** Exceptions caught in room handlers; should stay 0. */
  errors: number;
}

export function createPresenceStats(): PresenceStats {
  const dropped = Object.fromEntries(Object.values(Rejection).map((code) => [code, 0])) as Record<RejectionCode, number>;
  return { accepted: 0, clamped: 0, dropped, errors: 0 };
}

export function totalDropped(stats: PresenceStats): number {
  return Object.values(stats.dropped).reduce((a, b) => a + b, 0);
}
