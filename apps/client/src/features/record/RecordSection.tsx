import { lazy, Suspense, useState } from "react";
import { useT } from "../i18n/language-context.js";
import { SurveySettingsForm } from "../survey/SurveySettingsForm.js";
import { AskEmailForm } from "./AskEmailForm.js";
import { RetentionForm } from "./RetentionForm.js";

// The report and its charting library load only when a facilitator opens it (a chunk of its own).
const ConsoleReport = lazy(() => import("./ConsoleReport.js"));

/** The console's training-record section of one session: a button that loads the report with its charts, the survey, the retention and whether to ask for an email at join. */
export function RecordSection({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="record" aria-labelledby={`record-${sessionId}`}>
      <h3 id={`record-${sessionId}`}>{t("record.report.heading")}</h3>
      {open ? (
        <Suspense fallback={<p className="muted">{t("record.report.loading")}</p>}>
          <ConsoleReport sessionId={sessionId} />
        </Suspense>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t("record.report.show")}
        </button>
      )}
      <SurveySettingsForm sessionId={sessionId} />
      <RetentionForm sessionId={sessionId} />
      <AskEmailForm sessionId={sessionId} />
    </section>
  );
}
