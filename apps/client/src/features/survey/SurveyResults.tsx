import type { SurveySettings } from "@otc/contract";
import type { QuestionSummary, SurveySummary } from "@otc/record";
import { useT } from "../i18n/language-context.js";
import { optionText, questionText } from "./survey-api.js";
import "./survey.css";

/** A horizontal bar drawn with CSS: the share of answers that gave this value. */
const Bar = ({ label, n, of }: { label: string; n: number; of: number }) => (
  <li className="survey-bar">
    <span>{label}</span>
    <span className="survey-bar-track" aria-hidden>
      <span style={{ width: `${of ? Math.round((n / of) * 100) : 0}%` }} />
    </span>
    <span>{n}</span>
  </li>
);

/** The post-session survey in the console's report: each question with its answers added up, and the CSV. */
export function SurveyResults({ sessionId, survey }: { sessionId: string; survey: { settings: SurveySettings; summary: SurveySummary } }) {
  const t = useT();
  const { settings, summary } = survey;
  const byId = new Map<string, QuestionSummary>(summary.questions.map((q) => [q.id, q]));
  return (
    <section className="survey-results" data-testid="survey-results">
      <h4>{t("survey.results.heading", { count: summary.respondents })}</h4>
      {summary.respondents === 0 ? (
        <p className="muted">{t("survey.results.none")}</p>
      ) : (
        <>
          <a href={`/api/sessions/${encodeURIComponent(sessionId)}/survey.csv`}>{t("survey.results.csv")}</a>
          {settings.questions.map((q) => {
            const s = byId.get(q.id);
            if (!s) return null;
            return (
              <div key={q.id} className="survey-result" data-question={q.id}>
                <strong>{questionText(t, q)}</strong>
                {s.kind === "rating" && (
                  <>
                    <span className="muted"> — {s.mean === null ? t("survey.results.unanswered") : t("survey.results.mean", { mean: s.mean, count: s.answered })}</span>
                    <ol className="survey-bars">{s.counts.map((n, i) => <Bar key={i} label={t("survey.star", { n: i + 1 })} n={n} of={s.answered} />)}</ol>
                  </>
                )}
                {s.kind === "choice" && q.kind === "choice" && (
                  <ul className="survey-bars">{s.counts.map((n, i) => <Bar key={i} label={optionText(t, q, q.options[i] ?? "")} n={n} of={s.answered} />)}</ul>
                )}
                {s.kind === "text" && (
                  <ul className="survey-texts">
                    {s.texts.map((x, i) => (
                      <li key={i}>{x.name ? `${x.name}: ${x.text}` : x.text}</li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
