/** Whether motion is reduced: as the system says (`prefers-reduced-motion`), or always, or never. */
export type MotionChoice = "system" | "reduce" | "full";

/** Accessibility choices of one person on one device (kept in localStorage, never sent). */
export interface A11ySettings {
  motion: MotionChoice;
  /** Voice downmixed to one channel, the same in both ears. */
  monoAudio: boolean;
  /** How long timed hints and notices stay up, as a multiple of their usual time. */
  hintTime: number;
}

export const MOTION_CHOICES: readonly MotionChoice[] = ["system", "reduce", "full"];
export const HINT_TIMES: readonly number[] = [1, 2, 3, 5];
export const DEFAULT_A11Y: A11ySettings = { motion: "system", monoAudio: false, hintTime: 1 };

function pick<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Reads stored settings (anything may be in localStorage): each field kept only when it is an offered choice. */
export function parseA11y(raw: unknown): A11ySettings {
  const o = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    motion: pick(o.motion, MOTION_CHOICES, DEFAULT_A11Y.motion),
    monoAudio: typeof o.monoAudio === "boolean" ? o.monoAudio : DEFAULT_A11Y.monoAudio,
    hintTime: pick(o.hintTime, HINT_TIMES, DEFAULT_A11Y.hintTime),
  };
}

/** True when motion should be reduced: the person's choice, else the system's `prefers-reduced-motion`. */
export function motionReduced(motion: MotionChoice, systemPrefersReduced: boolean): boolean {
  return motion === "system" ? systemPrefersReduced : motion === "reduce";
}

/** A timed hint's duration (ms) for this person: the usual time times their multiplier. */
export function hintMs(usualMs: number, hintTime: number): number {
  return Math.round(usualMs * hintTime);
}

/**
 * How the listener's master bus mixes (Web Audio AudioNode channel options). Mono: one channel,
 * explicit, with the "speakers" rule, so the browser downmixes stereo (and HRTF panning) to
 * (L + R) / 2 and the destination plays that in both ears. Stereo: the default "max" mixing.
 */
export function masterMixing(mono: boolean): { channelCount: number; channelCountMode: ChannelCountMode; channelInterpretation: ChannelInterpretation } {
  return mono ? { channelCount: 1, channelCountMode: "explicit", channelInterpretation: "speakers" } : { channelCount: 2, channelCountMode: "max", channelInterpretation: "speakers" };
}
