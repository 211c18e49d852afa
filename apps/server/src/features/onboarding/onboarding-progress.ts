import type { OnboardingProgressMessage, OnboardingRecord } from "@otc/contract";
import { stepsFor } from "@otc/onboarding";

/** Collection of a session's onboarding records, one per person id. */
export const ONBOARDING_COLLECTION = "onboarding";

/**
 * Applies one progress message to a person's record, or says why it does not fit: the step must be
 * the one at that index of the device's list (null exactly at the end), the count the list's
 * length, and skipped steps that device's own. The server stamps when a step began; a finish is
 * kept once reached (a replay from the menu never makes a person "not onboarded" again).
 */
export function applyProgress(prev: OnboardingRecord | undefined, who: { personId: string; name: string }, msg: OnboardingProgressMessage, now: number): OnboardingRecord | string {
  const steps = stepsFor(msg.device);
  if (msg.count !== steps.length) return `a ${msg.device} onboarding has ${steps.length} steps, not ${msg.count}`;
  if (msg.index > steps.length) return `step index ${msg.index} is past the end`;
  const expected = steps[msg.index] ?? null;
  if (msg.step !== expected) return `step ${msg.index} of a ${msg.device} onboarding is ${expected ?? "the end"}, not ${msg.step ?? "the end"}`;
  if (msg.skipped.some((s) => !steps.slice(0, msg.index).includes(s))) return "skipped steps must be earlier steps of this device";
  if (new Set(msg.skipped).size !== msg.skipped.length) return "a step is listed twice as skipped";
  const sameStep = prev && prev.step === msg.step && prev.index === msg.index && prev.device === msg.device;
  const finished = msg.step === null;
  return {
    personId: who.personId,
    name: who.name,
    device: msg.device,
    step: msg.step,
    index: msg.index,
    count: msg.count,
    skipped: msg.skipped,
    stepSince: sameStep ? prev.stepSince : now,
    completedAt: prev?.completedAt ?? (finished ? now : null),
  };
}
