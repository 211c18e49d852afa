import { SURVEY_TEXT_MAX, type SurveyQuestion } from "@otc/contract";
import { useEffect, useRef, useState } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { closedBy } from "../connection/leave-session.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { certificateEarned, fetchCertificate, optionText, questionText } from "./survey-api.js";
import { useSurvey } from "./use-survey.js";
import "./survey.css";

function Question({ q, value, onAnswer }: { q: SurveyQuestion; value: number | string | undefined; onAnswer: (v: number | string) => void }) {
  const t = useT();
  const legend = questionText(t, q);
  return (
    <fieldset data-question={q.id}>
      <legend>{legend}</legend>
      {q.kind === "rating" && (
        <div className="survey-stars" role="group" aria-label={legend}>
          <span className="quiet">{t("survey.low")}</span>
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" aria-pressed={value === n} aria-label={t("survey.star", { n })} onClick={() => onAnswer(n)}>
              {n}
            </button>
          ))}
          <span className="quiet">{t("survey.high")}</span>
        </div>
      )}
      {q.kind === "choice" && (
        <div className="survey-options" role="group" aria-label={legend}>
          {q.options.map((o, i) => (
            <button key={o} type="button" aria-pressed={value === i} onClick={() => onAnswer(i)}>
              {optionText(t, q, o)}
            </button>
          ))}
        </div>
      )}
      {q.kind === "text" && <textarea aria-label={legend} maxLength={SURVEY_TEXT_MAX} value={typeof value === "string" ? value : ""} onChange={(e) => onAnswer(e.currentTarget.value)} onKeyDown={(e) => e.stopPropagation()} />}
    </fieldset>
  );
}

/**
 * The post-session survey on a desktop page: it opens by itself when the session ends or the person
 * leaves it (the page is then disconnected, the room gone) and from a button while the person is still there; the
 * person's own certificate is offered beside it once earned (when the session has ended).
 */
export function SurveyCard() {
  const t = useT();
  const over = useSessionUi(closedBy);
  const ended = over === "ended";
  const { selfId } = useSession();
  // Facilitators set the survey; they do not answer it.
  const staff = useSessionUi((s) => s.participants.find((p) => p.id === selfId)?.role !== "participant");
  const [asked, setAsked] = useState(false);
  const [closed, setClosed] = useState(false);
  const shown = (over !== null || asked) && !closed;
  const survey = useSurvey(shown);
  // The certificate is offered once the session has ended to those who earned it, and made only when they press.
  const [earned, setEarned] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [certificateError, setCertificateError] = useState<Wording | string | null>(null);
  const saved = useRef<string | null>(null);
  useEffect(() => {
    if (!ended) return;
    let live = true;
    void certificateEarned(survey.auth).then((e) => live && setEarned(e));
    return () => void (live = false);
  }, [ended, survey.auth]);
  useEffect(() => () => void (saved.current && URL.revokeObjectURL(saved.current)), []);
  const download = async () => {
    setFetching(true);
    const got = await fetchCertificate(survey.auth);
    setFetching(false);
    setCertificateError("error" in got ? got.error : null);
    if ("error" in got) return;
    if (saved.current) URL.revokeObjectURL(saved.current);
    saved.current = got.url;
    const link = document.createElement("a");
    link.href = got.url;
    link.download = "certificate.pdf";
    link.click();
  };

  if (!shown) {
    if (staff) return null;
    return (
      <div className="hud survey-open">
        <button type="button" onClick={() => (setAsked(true), setClosed(false))}>
          {t("survey.open")}
        </button>
      </div>
    );
  }
  const { form, phase } = survey;
  return (
    <div className="hud survey-dock">
      <section className="survey-card" aria-label={t("survey.title")} data-testid="survey" data-phase={phase} onKeyDown={(e) => e.stopPropagation()}>
        {over !== null && <p className="quiet">{t(ended ? "survey.ended" : "leave.left")}</p>}
        <h2>{t("survey.title")}</h2>
        {phase === "open" || phase === "sending" ? (
          <>
            <p className="quiet">{t(form?.named ? "survey.named" : "survey.anonymous")}</p>
            {form?.questions.map((q) => <Question key={q.id} q={q} value={survey.answers[q.id]} onAnswer={(v) => survey.answer(q.id, v)} />)}
            {survey.error && <p role="alert">{t("survey.failed", { reason: word(t, survey.error) })}</p>}
          </>
        ) : (
          phase !== "loading" && phase !== "unavailable" && <p role="status">{t(phase === "already" ? "survey.already" : "survey.thanks")}</p>
        )}
        {certificateError && <p role="alert">{t("survey.certificateFailed", { reason: word(t, certificateError) })}</p>}
        <div className="survey-actions">
          {earned && (
            <button type="button" className="certificate" disabled={fetching} onClick={() => void download()}>
              {t("survey.certificate")}
            </button>
          )}
          {(phase === "open" || phase === "sending") && (
            <button type="button" className="primary" disabled={phase === "sending" || Object.keys(survey.answers).length === 0} onClick={() => void survey.send()}>
              {t(phase === "sending" ? "survey.sending" : "survey.send")}
            </button>
          )}
          <button type="button" onClick={() => setClosed(true)}>
            {t("survey.close")}
          </button>
        </div>
      </section>
    </div>
  );
}
