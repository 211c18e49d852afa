import type { OnboardingDevice, OnboardingStepId } from "@otc/contract";
import type { MessageKey, Translate } from "@otc/i18n";

/** Tracked hands' own wording where the VR one names a trigger, a stick or a button (pinch and palm instead). */
const HANDS: Partial<Record<OnboardingStepId, MessageKey>> = {
  move: "onboarding.steps.move.hands",
  turn: "onboarding.steps.turn.hands",
  menu: "onboarding.steps.menu.hands",
  hand: "onboarding.steps.hand.hands",
  draw: "onboarding.steps.draw.hands",
  slides: "onboarding.steps.slides.hands",
};

/** A touch screen's own wording where the desktop one names the mouse, a key or a click (a finger, the stick, a tap instead). */
const TOUCH: Partial<Record<OnboardingStepId, MessageKey>> = {
  look: "onboarding.steps.look.touch",
  move: "onboarding.steps.move.touch",
  turn: "onboarding.steps.turn.touch",
  menu: "onboarding.steps.menu.touch",
  mute: "onboarding.steps.mute.touch",
  hand: "onboarding.steps.hand.touch",
  draw: "onboarding.steps.draw.touch",
  slides: "onboarding.steps.slides.touch",
};

/** The one short instruction of a step on a device (hands share the VR wording where no controller is named; touch the desktop's where no mouse or key is). */
export function instructionOf(t: Translate, step: OnboardingStepId, device: OnboardingDevice): string {
  const own = device === "vr-hands" ? HANDS[step] : device === "touch" ? TOUCH[step] : undefined;
  if (own) return t(own);
  const face = (device === "desktop" || device === "touch") && step !== "height" ? "desktop" : "vr";
  return t(`onboarding.steps.${step}.${face}` as MessageKey);
}

/** Hints whose general wording names a stick, a palm or a teleport: their desktop, touch and tracked-hands versions. */
const DESKTOP_HINTS: Partial<Record<OnboardingStepId, MessageKey>> = {
  move: "onboarding.steps.move.hintDesktop",
  turn: "onboarding.steps.turn.hintDesktop",
  menu: "onboarding.steps.menu.hintDesktop",
};
const TOUCH_HINTS: Partial<Record<OnboardingStepId, MessageKey>> = {
  move: "onboarding.steps.move.hintTouch",
  turn: "onboarding.steps.turn.hintTouch",
  menu: "onboarding.steps.menu.hintTouch",
};
const HANDS_HINTS: Partial<Record<OnboardingStepId, MessageKey>> = {
  turn: "onboarding.steps.turn.hintHands",
};

/** The hint of a step on a device, shown once the person has been on it a while. */
export function hintOf(t: Translate, step: OnboardingStepId, device: OnboardingDevice): string {
  const own = device === "desktop" ? DESKTOP_HINTS[step] : device === "touch" ? TOUCH_HINTS[step] : device === "vr-hands" ? HANDS_HINTS[step] : undefined;
  return t("onboarding.hint", { hint: t(own ?? (`onboarding.steps.${step}.hint` as MessageKey)) });
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
