import { AUDIBLE_GAIN_FLOOR, type Vec3 } from "./distance.js";
import { hearing, isPresenting, type Speaker, type VoiceRules } from "./hearing.js";

/** A speaker a listener could subscribe to, with their recent loudness (RMS, 0..1) and mute. */
export interface Candidate extends Speaker {
  muted: boolean;
  level: number;
}

export interface SelectionOptions {
  /** Most non-presenter speakers a listener receives (8–12 keeps a 150-person room affordable). */
  cap: number;
  /** Recent RMS level above which a speaker counts as talking. */
  speakingLevel: number;
  /** Score multiplier for speakers already subscribed, so near-ties do not flap. */
  stickiness: number;
}

export const DEFAULT_SELECTION: SelectionOptions = { cap: 10, speakingLevel: 0.01, stickiness: 1.3 };
/** A low-bandwidth listener receives the presenters and the 2 speakers they would hear best. */
export const LOW_BANDWIDTH_SELECTION: SelectionOptions = { ...DEFAULT_SELECTION, cap: 2 };

/**
 * Which speakers a listener should receive: every unmuted presenter (beyond the cap), then the
 * audible rest ranked by what the listener would hear (distance gain), talkers ahead of the silent,
 * the currently subscribed favoured by `stickiness`. Muted people and other zones are never chosen.
 * Deterministic: ties break on id.
 */
export function selectSubscriptions(
  listener: { id: string; head: Vec3 },
  candidates: readonly Candidate[],
  rules: VoiceRules,
  current: ReadonlySet<string>,
  options: SelectionOptions = DEFAULT_SELECTION,
): string[] {
  const presenters: string[] = [];
  const ranked: Array<{ id: string; score: number }> = [];
  for (const c of candidates) {
    if (c.id === listener.id || c.muted) continue;
    if (isPresenting(c, rules)) {
      presenters.push(c.id);
      continue;
    }
    const h = hearing(listener.head, c, rules);
    if (!h.audible || h.gain < AUDIBLE_GAIN_FLOOR) continue;
    const talking = c.level >= options.speakingLevel;
    let score = h.gain * (talking ? 1 + Math.min(c.level, 1) : 0.25);
    if (current.has(c.id)) score *= options.stickiness;
    ranked.push({ id: c.id, score });
  }
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...presenters.sort(), ...ranked.slice(0, options.cap).map((r) => r.id)];
}
