import type { OnboardingDevice, OnboardingStepId } from "@otc/contract";

/**
 * The steps each device runs, in order. Desktop has no snap-turn controller nor a body height to
 * check, so it turns with the mouse and skips the height check; a touch screen runs the desktop's
 * list (a finger drags the view, the stick walks); hands and controllers share the list (their
 * detectors differ where the input differs).
 */
export const STEPS_BY_DEVICE: Readonly<Record<OnboardingDevice, readonly OnboardingStepId[]>> = {
  desktop: ["comfort", "look", "move", "turn", "menu", "mute", "hand", "draw", "slides"],
  touch: ["comfort", "look", "move", "turn", "menu", "mute", "hand", "draw", "slides"],
  "vr-controllers": ["comfort", "look", "move", "turn", "menu", "mute", "hand", "draw", "slides", "height"],
  "vr-hands": ["comfort", "look", "move", "turn", "menu", "mute", "hand", "draw", "slides", "height"],
};

export function stepsFor(device: OnboardingDevice): readonly OnboardingStepId[] {
  return STEPS_BY_DEVICE[device];
}

/** Tunable thresholds (the defaults are the issue's; tests and the test build shorten the timers). */
export interface OnboardingParams {
  /** A hint is offered after this long on one step, ms. */
  hintAfterMs: number;
  /** The facilitator sees the person "stuck" after this long on one step, ms. */
  stuckAfterMs: number;
  /** How far the view must turn each way for "look around", degrees. */
  lookDegrees: number;
  /** How far the view must turn with the mouse for "turn" on desktop, degrees. */
  turnDegrees: number;
  /** A mute and unmute closer together than this is a double tap, not the skill, ms. */
  minToggleMs: number;
}

export const DEFAULT_PARAMS: OnboardingParams = {
  hintAfterMs: 30_000,
  stuckAfterMs: 60_000,
  lookDegrees: 80,
  turnDegrees: 150,
  minToggleMs: 100,
};
