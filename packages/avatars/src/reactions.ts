import type { Reaction } from "@otc/contract";

/** Seconds a reaction floats before it is gone, and metres it rises meanwhile. */
export const REACTION_LIFETIME_MS = 2600;
export const REACTION_RISE = 0.7;
/** Metres above the head where a reaction stands still while motion is reduced. */
export const REACTION_STILL_RISE = 0.25;
/** Most reactions shown over one avatar at once: older ones give way. */
export const REACTIONS_PER_AVATAR = 4;
/** Server rate limit per person: a burst of 3, then one per second. */
export const REACTION_RATE = { perSecond: 1, burst: 3 } as const;

export interface FloatingReaction {
  owner: string;
  reaction: Reaction;
  /** Metres above the owner's head. */
  rise: number;
  /** Sideways drift (metres), so several reactions do not sit on one another. */
  drift: number;
  opacity: number;
}

interface Live {
  owner: string;
  reaction: Reaction;
  at: number;
  lane: number;
}

/** Reactions in flight over everyone's heads; time is passed in (ms). */
export class ReactionFloats {
  private live: Live[] = [];
  private lanes = 0;

  add(owner: string, reaction: Reaction, nowMs: number): void {
    const mine = this.live.filter((l) => l.owner === owner);
    if (mine.length >= REACTIONS_PER_AVATAR) this.live.splice(this.live.indexOf(mine[0]!), 1);
    this.live.push({ owner, reaction, at: nowMs, lane: this.lanes++ % 3 });
  }

  /**
   * What is visible now; expired reactions are forgotten. `still` (reduced motion): each reaction
   * stands at one height, fully opaque, and is gone at the end of its time, neither rising nor fading.
   */
  active(nowMs: number, still = false): FloatingReaction[] {
    this.live = this.live.filter((l) => nowMs - l.at < REACTION_LIFETIME_MS && nowMs >= l.at);
    return this.live.map((l) => {
      if (still) return { owner: l.owner, reaction: l.reaction, rise: REACTION_STILL_RISE, drift: (l.lane - 1) * 0.12, opacity: 1 };
      const t = (nowMs - l.at) / REACTION_LIFETIME_MS;
      return { owner: l.owner, reaction: l.reaction, rise: REACTION_RISE * (1 - (1 - t) * (1 - t)), drift: (l.lane - 1) * 0.12, opacity: t < 0.7 ? 1 : (1 - t) / 0.3 };
    });
  }
}
