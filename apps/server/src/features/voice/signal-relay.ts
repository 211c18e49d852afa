import type { RelayedVoiceSignal, VoiceSignal } from "@otc/contract";
import { RateLimiter } from "@otc/presence";
import type { Parsed } from "../../parsed.js";
import type { VoiceStats } from "./voice-stats.js";

/**
 * Signalling messages a client may send per second, sustained, and in a burst. The client sends
 * descriptions with their candidates gathered (one offer or answer per peer, ICE restarts rare), so
 * joining an 8-person mesh is ~7–14 messages; trickled candidates stay possible within the burst.
 * Both sit under the room's per-client message ceiling, above which Colyseus disconnects.
 */
export const SIGNALS_PER_S = 20;
export const SIGNAL_BURST = 60;

export type RelayOutcome = { to: string; message: RelayedVoiceSignal } | { dropped: keyof VoiceStats["dropped"]; detail?: string };

/**
 * Mesh signalling over the Colyseus room: a validated offer/answer/candidate from one person is
 * forwarded to the one peer it names, stamped with the sender's id by the server (a client cannot
 * speak for someone else). Pure apart from its rate limiters; time is passed in.
 */
export class SignalRelay {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(
    private readonly isPeer: (id: string) => boolean,
    private readonly stats: VoiceStats,
  ) {}

  receive(from: string, parsed: Parsed<VoiceSignal>, nowMs: number): RelayOutcome {
    if (!parsed.ok) return this.drop("invalid", parsed.detail);
    let limiter = this.limiters.get(from);
    if (!limiter) this.limiters.set(from, (limiter = new RateLimiter(SIGNALS_PER_S, SIGNAL_BURST)));
    if (!limiter.allow(nowMs)) return this.drop("rateLimited");
    const { to, description, candidate } = parsed.value;
    if (to === from || !this.isPeer(to)) return this.drop("unknownPeer");
    this.stats.relayed++;
    const message: RelayedVoiceSignal = { from };
    if (description) message.description = description;
    if (candidate !== undefined) message.candidate = candidate;
    return { to, message };
  }

  forget(id: string): void {
    this.limiters.delete(id);
  }

  private drop(reason: keyof VoiceStats["dropped"], detail?: string): RelayOutcome {
    this.stats.dropped[reason]++;
    return detail === undefined ? { dropped: reason } : { dropped: reason, detail };
  }
}
