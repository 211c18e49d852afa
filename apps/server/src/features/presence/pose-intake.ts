import { PRESENCE_HZ, rejectionText, type Notice, type PoseMessage, type RejectionCode } from "@otc/contract";
import { RateLimiter, checkPose, type AvatarPose, type PoseRules, type PoseTrack } from "@otc/presence";
import type { Parsed } from "../../lenient-schema.js";
import { createPresenceStats, type PresenceStats } from "./presence-stats.js";

/** Sustained pose messages a client may send, per second: the presence rate plus jitter headroom. */
export const POSE_RATE_PER_S = PRESENCE_HZ * 1.5;
/** Poses that may arrive bunched together after a network stall (half a second's worth). */
export const POSE_BURST = PRESENCE_HZ / 2;
/** A client hears about its dropped messages at most this often, ms. */
export const NOTICE_INTERVAL_MS = 5000;

interface Sender {
  limiter: RateLimiter;
  track: PoseTrack | undefined;
  lastNoticeMs: number;
}

export type IntakeResult =
  | { accepted: AvatarPose }
  | { accepted?: undefined; notice: Notice | undefined };

/**
 * The pose intake of one room: rate limit, then the presence rules against the last accepted pose.
 * Pure apart from its counters; the room passes the time in (ms) and acts on the result.
 */
export class PoseIntake {
  readonly stats: PresenceStats = createPresenceStats();
  private readonly senders = new Map<string, Sender>();

  constructor(private readonly rules: PoseRules) {}

  receive(id: string, message: Parsed<PoseMessage>, nowMs: number): IntakeResult {
    const sender = this.sender(id);
    if (!message.ok) return this.drop(sender, "invalid-message", nowMs, message.detail);
    if (!sender.limiter.allow(nowMs)) return this.drop(sender, "rate-limited", nowMs);
    const verdict = checkPose(sender.track, message.value, nowMs, this.rules);
    if (!verdict.ok) return this.drop(sender, verdict.reason, nowMs);
    sender.track = verdict.track;
    this.stats.accepted++;
    if (verdict.clamped) this.stats.clamped++;
    return { accepted: verdict.pose };
  }

  /** Counts a message refused before it reached the intake (e.g. an invalid device message). */
  refuse(id: string, reason: RejectionCode, nowMs: number, detail?: string): Notice | undefined {
    return this.drop(this.sender(id), reason, nowMs, detail).notice;
  }

  /** Forget a sender whose seat is gone; a dropped-but-reconnecting sender keeps its track. */
  forget(id: string): void {
    this.senders.delete(id);
  }

  private sender(id: string): Sender {
    let s = this.senders.get(id);
    if (!s) {
      s = { limiter: new RateLimiter(POSE_RATE_PER_S, POSE_BURST), track: undefined, lastNoticeMs: -Infinity };
      this.senders.set(id, s);
    }
    return s;
  }

  private drop(sender: Sender, reason: RejectionCode, nowMs: number, detail?: string): { notice: Notice | undefined } {
    this.stats.dropped[reason]++;
    if (nowMs - sender.lastNoticeMs < NOTICE_INTERVAL_MS) return { notice: undefined };
    sender.lastNoticeMs = nowMs;
    return { notice: { code: reason, text: rejectionText(reason, detail) } };
  }
}
