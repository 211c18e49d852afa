import type { OnboardingStepId } from "@otc/contract";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useSession, useSessionUi } from "../../session-context.js";
import { useLanguage, useT } from "../i18n/language-context.js";
import { MicLevelMeter } from "./MicLevelMeter.js";
import type { OnboardingClient } from "./onboarding-client.js";
import { hintOf, instructionOf, speak } from "./onboarding-words.js";
import { useOnboarding, useOnboardingUi } from "./use-onboarding.js";
import "./onboarding.css";

/** How often the card refreshes the hint timer, ms. */
const TICK_MS = 500;

/** The comfort check's choices: how one moves and whether one sits; choosing is the step. */
export function ComfortChoices({ client, step }: { client: OnboardingClient; step: OnboardingStepId }) {
  const { comfort, store, rig } = useSession();
  const t = useT();
  const locomotion = useStore(comfort, (c) => c.locomotion);
  const seated = useSessionUi((s) => s.seated);
  const chosen = () => client.feed({ kind: "comfort", at: client.now() });
  if (step === "height")
    return (
      <div className="onboarding-choices">
        <button type="button" onClick={() => { rig.recalibrateHeight = true; client.feed({ kind: "posture", at: client.now() }); }}>{t("onboarding.comfort.height")}</button>
      </div>
    );
  return (
    <div className="onboarding-choices">
      <button type="button" aria-pressed={locomotion === "teleport"} onClick={() => { comfort.getState().set({ locomotion: "teleport" }); chosen(); }}>{t("onboarding.comfort.teleport")}</button>
      <button type="button" aria-pressed={locomotion === "smooth"} onClick={() => { comfort.getState().set({ locomotion: "smooth" }); chosen(); }}>{t("onboarding.comfort.smooth")}</button>
      <button type="button" aria-pressed={seated} onClick={() => { store.getState().setSeated(true); chosen(); }}>{t("onboarding.comfort.seated")}</button>
      <button type="button" aria-pressed={!seated} onClick={() => { store.getState().setSeated(false); chosen(); }}>{t("onboarding.comfort.standing")}</button>
    </div>
  );
}

/**
 * The onboarding on the desktop: a card with the current step's one instruction (spoken where the
 * browser can), the hint after a while, a skip; "Learn the room again" when none runs; and, for a
 * facilitator, everyone's progress. In VR the same steps show on the world-space panel instead.
 */
export function OnboardingCard() {
  const client = useOnboarding();
  const t = useT();
  const { language } = useLanguage();
  const inVr = useSessionUi((s) => s.inVr);
  const run = useOnboardingUi(client, (s) => s.run);
  const [, setTick] = useState(0);
  const step = run?.step ?? null;
  const running = run !== null;
  const text = run && step ? instructionOf(t, step, run.device) : "";

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => {
      client.tick();
      setTick((n) => n + 1);
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [client, running]);

  useEffect(() => client.deviceChanged(), [client, inVr]);

  useEffect(() => {
    if (text) speak(text, language);
  }, [text, language]);

  return (
    <div className="hud onboarding-dock">
      {run && !inVr && (
        <section className="onboarding-card" aria-label={t("onboarding.title")} data-step={step ?? "done"} onKeyDown={(e) => e.stopPropagation()}>
          {step ? (
            <>
              <div className="onboarding-head">
                <strong>{t("onboarding.title")}</strong>
                <span>{t("onboarding.stepOf", { n: run.index + 1, count: run.steps.length })}</span>
              </div>
              <p className="onboarding-text">{text}</p>
              {(step === "comfort" || step === "height") && <ComfortChoices client={client} step={step} />}
              {step === "mute" && <MicLevelMeter />}
              {run.hintDue && <p className="onboarding-hint">{hintOf(t, step, run.device)}</p>}
              <div className="onboarding-actions">
                <button type="button" onClick={() => client.close()}>{t("onboarding.close")}</button>
                <button type="button" className="onboarding-skip" onClick={() => client.skip()}>{t("onboarding.skip")}</button>
              </div>
            </>
          ) : (
            <>
              <strong>{t("onboarding.doneTitle")}</strong>
              <p className="onboarding-text">{t("onboarding.doneText")}</p>
              <button type="button" onClick={() => client.close()}>{t("onboarding.close")}</button>
            </>
          )}
        </section>
      )}
      {!run && (
        <button type="button" className="onboarding-replay" onClick={() => client.replay()}>{t("onboarding.replay")}</button>
      )}
    </div>
  );
}
