import type { OnboardingDevice, OnboardingRecord } from "@otc/contract";
import type { MessageKey } from "@otc/i18n";
import { useCallback, useEffect, useState } from "react";
import { useT } from "../i18n/language-context.js";
import { stepNameOf } from "./onboarding-words.js";

const DEVICE: Record<OnboardingDevice, MessageKey> = {
  desktop: "onboarding.console.desktop",
  touch: "onboarding.console.touch",
  "vr-controllers": "onboarding.console.vrControllers",
  "vr-hands": "onboarding.console.vrHands",
};

/**
 * The console's listing of one session's onboarding: each person's step (or done), the device they
 * used and what they skipped, as stored (`GET /api/sessions/<id>/onboarding`), with a refresh. The
 * live table with time on step and "stuck" is the facilitator's in the room.
 */
export function ConsoleOnboarding({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [people, setPeople] = useState<OnboardingRecord[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    try {
      const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/onboarding`, { credentials: "same-origin" });
      if (!res.ok) throw new Error(String(res.status));
      setPeople(((await res.json()) as { people: OnboardingRecord[] }).people);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [sessionId]);
  useEffect(() => void load(), [load]);
  return (
    <section className="onboarding-console" aria-labelledby={`onboarding-${sessionId}`}>
      <h3 id={`onboarding-${sessionId}`}>{t("onboarding.progress.title")}</h3>
      {failed && <p role="alert">{t("onboarding.console.failed")}</p>}
      {people?.length === 0 && <p className="muted">{t("onboarding.progress.none")}</p>}
      {people && people.length > 0 && (
        <table>
          <tbody>
            {people.map((p) => (
              <tr key={p.personId} data-person={p.name}>
                <th scope="row">{p.name}</th>
                <td>{p.completedAt !== null && p.step === null ? t("onboarding.progress.done") : p.step ? t("onboarding.progress.onStep", { step: stepNameOf(t, p.step), n: p.index + 1, count: p.count }) : ""}</td>
                <td>{t(DEVICE[p.device])}</td>
                <td>{p.skipped.length > 0 ? t("onboarding.console.skipped", { steps: p.skipped.map((s) => stepNameOf(t, s)).join(", ") }) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => void load()}>
        {t("onboarding.console.refresh")}
      </button>
    </section>
  );
}
