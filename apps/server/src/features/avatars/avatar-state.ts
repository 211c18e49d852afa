import type { Appearance, Reaction, TrainingState } from "@otc/contract";
import { REACTION_RATE } from "@otc/avatars";
import { RateLimiter } from "@otc/presence";
import { AvatarModelStore } from "./model-store.js";

/** Avatar changes (look, model, hand, away) a person may make per second, and in a burst. */
export const CHANGE_RATE = { perSecond: 4, burst: 8 } as const;

interface Limits {
  reactions: RateLimiter;
  changes: RateLimiter;
}

/**
 * The avatars feature of a room: each person's look, uploaded model, raised hand and away flag live
 * on their Participant (documents); reactions are relayed, never stored, and rate-limited per person.
 * Time is passed in (ms).
 */
export class AvatarState {
  private readonly limits = new Map<string, Limits>();

  constructor(
    private readonly state: TrainingState,
    private readonly models: AvatarModelStore,
  ) {}

  /** False when this person has changed their avatar too often just now (the change is dropped). */
  allowChange(id: string, nowMs: number): boolean {
    return this.limitsOf(id).changes.allow(nowMs);
  }

  /** False when the reaction exceeds the person's rate (it is dropped, not queued). */
  allowReaction(id: string, _reaction: Reaction, nowMs: number): boolean {
    return this.state.participants.has(id) && this.limitsOf(id).reactions.allow(nowMs);
  }

  setAppearance(id: string, appearance: Appearance): void {
    const p = this.state.participants.get(id);
    const json = JSON.stringify(appearance);
    if (p && p.appearance !== json) p.appearance = json;
  }

  /** Points the avatar at an uploaded model; false (nothing changes) when no such model was uploaded. */
  setModel(id: string, hash: string | null): boolean {
    const p = this.state.participants.get(id);
    if (!p) return false;
    if (hash === null) {
      p.avatarUrl = "";
      return true;
    }
    if (!this.models.has(hash)) return false;
    p.avatarUrl = AvatarModelStore.urlOf(hash);
    return true;
  }


  setAway(id: string, away: boolean): void {
    const p = this.state.participants.get(id);
    if (p && p.away !== away) p.away = away;
  }

  forget(id: string): void {
    this.limits.delete(id);
  }

  private limitsOf(id: string): Limits {
    let l = this.limits.get(id);
    if (!l) {
      l = { reactions: new RateLimiter(REACTION_RATE.perSecond, REACTION_RATE.burst), changes: new RateLimiter(CHANGE_RATE.perSecond, CHANGE_RATE.burst) };
      this.limits.set(id, l);
    }
    return l;
  }
}
