import { notice, type Notice, type RejectionCode } from "@otc/contract";
import { createPresenceStats, type PresenceStats } from "../features/presence/presence-stats.js";

/** A person hears about their refused messages at most this often, ms (a flood earns one notice, not a flood back). */
export const NOTICE_INTERVAL_MS = 5000;

/**
 * The room's ledger of refused client messages: every refusal is counted by reason (tests and
 * operators read the counts), and the sender is told why, at most once per NOTICE_INTERVAL_MS.
 * Time is passed in (ms).
 */
export class Refusals {
  readonly stats: PresenceStats = createPresenceStats();
  private readonly lastNoticeMs = new Map<string, number>();

  /** Counts the refusal; returns the notice to send, or undefined while the sender was told recently. */
  refuse(id: string, reason: RejectionCode, nowMs: number, detail?: string): Notice | undefined {
    this.stats.dropped[reason]++;
    if (nowMs - (this.lastNoticeMs.get(id) ?? -Infinity) < NOTICE_INTERVAL_MS) return undefined;
    this.lastNoticeMs.set(id, nowMs);
    return notice(reason, detail ? { detail } : undefined);
  }

  forget(id: string): void {
    this.lastNoticeMs.delete(id);
  }
}
