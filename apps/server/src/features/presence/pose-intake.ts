import { PRESENCE_HZ, type Notice, type PoseMessage, type RejectionCode } from "@otc/contract";
import { RateLimiter, checkPose, type AvatarPose, type PoseRules, type PoseTrack } from "@otc/presence";
import type { Parsed } from "../../parsed.js";
import { Refusals } from "../../rooms/refusals.js";
import type { PresenceStats } from "./presence-stats.js";

/** Sustained pose messages a client may send, per second: the presence rate plus jitter headroom. */
export const POSE_RATE_PER_S = PRESENCE_HZ * 1.5;
/**
 * Poses that may arrive bunched together (three seconds' worth): an honest client sends at most
 * PRESENCE_HZ, but after the server's event loop or the network stalls, everything sent meanwhile is
 * read at one instant. Half a second's worth refused honest senders after a busy second (CI, stop 31).
 */
export const POSE_BURST = PRESENCE_HZ * 3;
interface Sender {
  limiter: RateLimiter;
  track: PoseTrack | undefined;
  /** The latest pose refused for rate, applied once a token is back: a pose is state, its last value must arrive. */
  held: PoseMessage | undefined;
}

export type IntakeResult =
  | { accepted: AvatarPose }
  | { accepted?: undefined; notice: Notice | undefined };

/**
 * The pose intake of one room: rate limit, then the presence rules against the last accepted pose.
 * Pure apart from its counters (kept in the room's refusal ledger, shared with every other message);
 * the room passes the time in (ms) and acts on the result.
 */
export class PoseIntake {
  private readonly senders = new Map<string, Sender>();
  /** Senders with a held pose: the relay tick visits only these, not every sender. */
  private readonly holding = new Set<string>();

  constructor(
    private readonly rules: PoseRules,
    private readonly refusals = new Refusals(),
  ) {}

  get stats(): PresenceStats {
    return this.refusals.stats;
  }

  receive(id: string, message: Parsed<PoseMessage>, nowMs: number): IntakeResult {
    const sender = this.sender(id);
    if (!message.ok) return this.drop(id, "invalid-message", nowMs, message.detail);
    if (!sender.limiter.allow(nowMs)) {
      sender.held = message.value;
      this.holding.add(id);
      return this.drop(id, "rate-limited", nowMs);
    }
    if (sender.held) this.release(id, sender); // a newer pose went through
    return this.check(id, sender, message.value, nowMs);
  }

  /**
   * The latest pose refused for rate from each sender who has a token again, checked as if it had
   * just arrived. Called on every relay tick: someone who stops moving right after a refused burst
   * is still drawn where they stopped (clients send a pose only when it changes).
   */
  releaseHeld(nowMs: number): Array<{ id: string; result: IntakeResult }> {
    const out: Array<{ id: string; result: IntakeResult }> = [];
    for (const id of this.holding) {
      const sender = this.senders.get(id);
      if (!sender?.held) {
        this.holding.delete(id);
        continue;
      }
      if (!sender.limiter.allow(nowMs)) continue;
      const pose = sender.held;
      this.release(id, sender);
      out.push({ id, result: this.check(id, sender, pose, nowMs) });
    }
    return out;
  }

  private release(id: string, sender: Sender): void {
    sender.held = undefined;
    this.holding.delete(id);
  }

  private check(id: string, sender: Sender, pose: PoseMessage, nowMs: number): IntakeResult {
    const verdict = checkPose(sender.track, pose, nowMs, this.rules);
    if (!verdict.ok) return this.drop(id, verdict.reason, nowMs);
    sender.track = verdict.track;
    this.stats.accepted++;
    if (verdict.clamped) this.stats.clamped++;
    return { accepted: verdict.pose };
  }

  /** Forget a sender whose seat is gone; a dropped-but-reconnecting sender keeps its track. */
  forget(id: string): void {
    this.senders.delete(id);
    this.holding.delete(id);
  }

  private sender(id: string): Sender {
    let s = this.senders.get(id);
    if (!s) {
      s = { limiter: new RateLimiter(POSE_RATE_PER_S, POSE_BURST), track: undefined, held: undefined };
      this.senders.set(id, s);
    }
    return s;
  }

  private drop(id: string, reason: RejectionCode, nowMs: number, detail?: string): { notice: Notice | undefined } {
    return { notice: this.refusals.refuse(id, reason, nowMs, detail) };
  }
}
