/** Voice level (0..1) above which someone starts to count as speaking, and under which they may stop. */
export const SPEAKING_ON = 0.12;
export const SPEAKING_OFF = 0.05;
/** ms of quiet before the speaking cue goes off: pauses between words keep it on. */
export const SPEAKING_HOLD_MS = 450;

export type SpeakingState = { kind: "silent" } | { kind: "speaking" } | { kind: "trailing"; since: number };

/**
 * One step of the speaking cue's state machine: silent → speaking when the level rises above
 * SPEAKING_ON; speaking → trailing when it drops below SPEAKING_OFF; trailing → silent after
 * SPEAKING_HOLD_MS of quiet, or back to speaking if the voice returns. Muted is always silent.
 */
export function nextSpeaking(state: SpeakingState, level: number, muted: boolean, nowMs: number): SpeakingState {
  if (muted) return { kind: "silent" };
  switch (state.kind) {
    case "silent":
      return level >= SPEAKING_ON ? { kind: "speaking" } : state;
    case "speaking":
      return level < SPEAKING_OFF ? { kind: "trailing", since: nowMs } : state;
    case "trailing":
      if (level >= SPEAKING_ON) return { kind: "speaking" };
      return nowMs - state.since >= SPEAKING_HOLD_MS ? { kind: "silent" } : state;
  }
}

export interface CueInputs {
  speaking: SpeakingState;
  level: number;
  muted: boolean;
  handRaised: boolean;
  away: boolean;
  connected: boolean;
}

/** What the others see on an avatar. */
export interface CueView {
  /** Glowing ring under the name tag. */
  speakingRing: boolean;
  /** Mouth opening, 0 closed … 1 wide. */
  mouth: number;
  mutedIcon: boolean;
  /** Arm straight up and a hand icon over the head. */
  handRaised: boolean;
  /** Dimmed, "away" on the name tag. */
  away: boolean;
}

/** Derives the visible cues. Away hides speaking; a dropped connection shows nothing but the tag. */
export function cueView(c: CueInputs): CueView {
  const present = c.connected && !c.away;
  const speaking = present && !c.muted && c.speaking.kind !== "silent";
  return {
    speakingRing: speaking,
    mouth: speaking ? Math.min(1, Math.max(0.15, c.level * 1.6)) : 0,
    mutedIcon: c.connected && c.muted,
    handRaised: c.connected && c.handRaised,
    away: c.connected && c.away,
  };
}
