import type { OnboardingDevice, OnboardingStepId } from "@otc/contract";
import { detectorFor, type Detector } from "./detectors.js";
import type { OnboardingEvent, OnboardingPlaces } from "./events.js";
import { DEFAULT_PARAMS, stepsFor, type OnboardingParams } from "./steps.js";

/** Where one person's onboarding stands at a given time. */
export interface OnboardingState {
  device: OnboardingDevice;
  steps: readonly OnboardingStepId[];
  /** Index of the current step; equals steps.length once finished. */
  index: number;
  /** The current step; null once finished. */
  step: OnboardingStepId | null;
  /** When the current step began (the caller's clock), ms. */
  startedAt: number;
  done: OnboardingStepId[];
  skipped: OnboardingStepId[];
  finishedAt: number | null;
  /** Long enough on this step to offer a hint. */
  hintDue: boolean;
  /** Long enough on this step for a facilitator to look. */
  stuck: boolean;
}

/**
 * One person's onboarding: the steps of their device, each detected from the events fed in (never
 * a "next" button), a skip, and the hint and stuck timers on the caller's clock (every event and
 * every `state(now)` carries its time; nothing here reads a clock or sets a timer).
 */
export class OnboardingRun {
  readonly steps: readonly OnboardingStepId[];
  private index = 0;
  private startedAt: number;
  private detector: Detector | undefined;
  private readonly done: OnboardingStepId[] = [];
  private readonly skipped: OnboardingStepId[] = [];
  private finishedAt: number | null = null;
  private readonly params: OnboardingParams;

  constructor(
    readonly device: OnboardingDevice,
    private readonly places: OnboardingPlaces,
    startAt: number,
    params: Partial<OnboardingParams> = {},
  ) {
    this.params = { ...DEFAULT_PARAMS, ...params };
    this.steps = stepsFor(device);
    this.startedAt = startAt;
    this.detector = this.makeDetector();
  }

  /** Feeds one event; answers true when it completed the current step (the run moved on). */
  feed(event: OnboardingEvent): boolean {
    const step = this.current();
    if (!step || !this.detector?.feed(event)) return false;
    this.done.push(step);
    this.advance(event.at);
    return true;
  }

  /** Skips the current step (for people who already know it). */
  skip(now: number): void {
    const step = this.current();
    if (!step) return;
    this.skipped.push(step);
    this.advance(now);
  }

  current(): OnboardingStepId | null {
    return this.steps[this.index] ?? null;
  }

  state(now: number): OnboardingState {
    const step = this.current();
    const on = step ? now - this.startedAt : 0;
    return {
      device: this.device,
      steps: this.steps,
      index: this.index,
      step,
      startedAt: this.startedAt,
      done: [...this.done],
      skipped: [...this.skipped],
      finishedAt: this.finishedAt,
      hintDue: step !== null && on >= this.params.hintAfterMs,
      stuck: step !== null && on >= this.params.stuckAfterMs,
    };
  }

  private advance(at: number): void {
    this.index += 1;
    this.startedAt = at;
    this.detector = this.makeDetector();
    if (!this.current()) this.finishedAt = at;
  }

  private makeDetector(): Detector | undefined {
    const step = this.current();
    return step ? detectorFor(step, this.device, this.places, this.params) : undefined;
  }
}

/** Whether a step that began at `since` counts as stuck at `now` (the facilitator's table). */
export function isStuck(since: number, now: number, stuckAfterMs: number = DEFAULT_PARAMS.stuckAfterMs): boolean {
  return now - since >= stuckAfterMs;
}
