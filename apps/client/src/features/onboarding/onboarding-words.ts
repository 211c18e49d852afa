import type { OnboardingDevice, OnboardingStepId } from "@otc/contract";
import type { MessageKey, Translate } from "@otc/i18n";

/** The one short instruction of a step on a device (hands and controllers share the VR wording). */
export function instructionOf(t: Translate, step: OnboardingStepId, device: OnboardingDevice): string {
  const face = device === "desktop" && step !== "height" ? "desktop" : "vr";
  return t(`onboarding.steps.${step}.${face}` as MessageKey);
}

export function hintOf(t: Translate, step: OnboardingStepId): string {
  return t("onboarding.hint", { hint: t(`onboarding.steps.${step}.hint` as MessageKey) });
}

export function stepNameOf(t: Translate, step: OnboardingStepId): string {
  return t(`onboarding.stepName.${step}` as MessageKey);
}

/** Minutes and seconds on a step, "m:ss". */
export function onStepFor(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Says a text aloud where the browser can speak (never required: the text is on screen too). */
export function speak(text: string, language: string): void {
  if (typeof window === "undefined" || !("speechSynthesis" in window) || !text) return;
  try {
    if (window.speechSynthesis.getVoices().length === 0) return; // no voice installed: nothing to say it with
    window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = language;
    window.speechSynthesis.speak(u);
  } catch {
    // a browser without voices: the written instruction stands alone
  }
}
