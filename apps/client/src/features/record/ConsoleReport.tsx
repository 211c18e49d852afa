import type { MessageKey } from "@otc/i18n";
import { DEFAULT_RECORD_SETTINGS, type RecordSettings, type SurveySettings } from "@otc/contract";
import type { ReportRow, SessionReport, SurveySummary } from "@otc/record";
import type { Chart } from "chart.js";
import { useEffect, useMemo, useRef, useState } from "react";
import { useLanguage } from "../i18n/language-context.js";
import { SurveyResults } from "../survey/SurveyResults.js";
import { CertificateRules } from "./CertificateRules.js";
import { distributionChart, talkChart, timelineChart } from "./report-charts.js";

interface Payload {
  session: { id: string; title: string; endedAt: number | null };
  report: SessionReport;
  survey: { settings: SurveySettings; summary: SurveySummary };
}

type Column = { key: string; label: MessageKey; value: (r: ReportRow) => number | string; show?: (r: ReportRow) => string };
const pct = (x: number) => `${Math.round(x * 100)} %`;
const COLUMNS: Column[] = [
  { key: "name", label: "record.report.col.name", value: (r) => r.name, show: (r) => (r.email ? `${r.name} (${r.email})` : r.name) }, // the email given at join, facilitators only
  { key: "role", label: "record.report.col.role", value: (r) => r.role },
  { key: "devices", label: "record.report.col.devices", value: (r) => r.devices.join(", ") },
  { key: "minutes", label: "record.report.col.minutes", value: (r) => Math.round(r.presentMs / 6_000) / 10 },
  { key: "share", label: "record.report.col.share", value: (r) => r.share, show: (r) => pct(r.share) },
  { key: "hands", label: "record.report.col.hands", value: (r) => r.hands },
  { key: "reactions", label: "record.report.col.reactions", value: (r) => r.reactions },
  { key: "chat", label: "record.report.col.chat", value: (r) => r.chat },
  { key: "polls", label: "record.report.col.polls", value: (r) => r.polls },
  { key: "quiz", label: "record.report.col.quiz", value: (r) => r.quizScore ?? -1, show: (r) => (r.quizScore === null ? "—" : pct(r.quizScore)) },
  { key: "board", label: "record.report.col.board", value: (r) => r.strokes + r.notes },
  { key: "talk", label: "record.report.col.talk", value: (r) => Math.round(r.talkSeconds) },
  { key: "breakouts", label: "record.report.col.breakouts", value: (r) => Math.round(r.breakoutMs / 6_000) / 10 },
  { key: "onboarded", label: "record.report.col.onboarded", value: (r) => (r.onboarded ? 1 : 0), show: (r) => (r.onboarded ? "✓" : "—") },
];

/** The row's own actions: their certificate when earned, and erasing them (two presses) on request. */
function RowActions({ base, row, settings, onErased }: { base: string; row: ReportRow; settings: RecordSettings; onErased: (said: string) => void }) {
  const { t } = useLanguage();
  const [confirm, setConfirm] = useState(false);
  const earned = row.share >= settings.certificateShare && (settings.quizPass === null || (row.quizScore ?? 0) >= settings.quizPass);
  const erase = async () => {
    const res = await fetch(`${base}/report/people/${encodeURIComponent(row.personId)}/forget`, { method: "POST", credentials: "same-origin" });
    if (res.ok) onErased(t("record.report.forgotten", (await res.json()) as Record<string, number>));
  };
  return (
    <span className="record-row-actions">
      {earned && <a href={`${base}/certificates/${encodeURIComponent(row.personId)}.pdf`}>{t("record.report.certificate")}</a>}
      {row.name !== "" && (
        <button type="button" className={confirm ? "danger" : undefined} onClick={() => (confirm ? void erase() : setConfirm(true))} onBlur={() => setConfirm(false)}>
          {t(confirm ? "record.report.forgetConfirm" : "record.report.forget")}
        </button>
      )}
    </span>
  );
}

/** Draws one chart into its canvas while mounted (Chart.js owns the canvas until destroyed). */
function ChartCanvas({ draw, label }: { draw: (c: HTMLCanvasElement) => Chart; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = draw(canvas);
    canvas.dataset.drawn = "true"; // Chart.js draws at once (no animation): the bench times the report to here
    return () => {
      chart.destroy();
      delete canvas.dataset.drawn;
    };
  }, [draw]);
  return (
    <figure className="record-chart">
      <figcaption>{label}</figcaption>
      <div className="record-canvas">
        <canvas ref={ref} role="img" aria-label={label} />
      </div>
    </figure>
  );
}

/**
 * A session's training record in the console: summary, exports, charts (timeline, talk time,
 * participation distribution) and a table that sorts by any column. Loaded lazily with Chart.js.
 */
export default function ConsoleReport({ sessionId }: { sessionId: string }) {
  const { t, language } = useLanguage();
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  const [data, setData] = useState<Payload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: string; down: boolean }>({ key: "minutes", down: true });
  const [settings, setSettings] = useState<RecordSettings>(DEFAULT_RECORD_SETTINGS);
  const [said, setSaid] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    fetch(`${base}/report`, { credentials: "same-origin" })
      .then(async (r) => (r.ok ? ((await r.json()) as Payload) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [base, version]);
  useEffect(() => {
    fetch(`${base}/record-settings`, { credentials: "same-origin" })
      .then(async (r) => (r.ok ? setSettings((await r.json()) as RecordSettings) : undefined))
      .catch(() => undefined);
  }, [base]);

  const rows = useMemo(() => {
    if (!data) return [];
    const col = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0]!;
    return [...data.report.rows].sort((a, b) => {
      const [x, y] = [col.value(a), col.value(b)];
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), language);
      return sort.down ? -order : order;
    });
  }, [data, sort, language]);
  const charts = useMemo(() => {
    if (!data) return null;
    const r = data.report;
    return {
      timeline: (c: HTMLCanvasElement) => timelineChart(c, r),
      talk: (c: HTMLCanvasElement) => talkChart(c, r),
      distribution: (c: HTMLCanvasElement) => distributionChart(c, r, t("record.report.people")),
    };
  }, [data, t]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!data || !charts) return <p className="muted">{t("record.report.loading")}</p>;
  const { report } = data;
  return (
    <div className="record-report" data-testid="record-report">
      <p>
        {t("record.report.summary", { attendees: report.attendees, minutes: Math.round(report.durationMs / 60_000) })}
        {` · ${new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short" }).format(report.start)}`}
      </p>
      <div className="actions record-actions">
        <a href={`${base}/report.csv`}>{t("record.report.csv")}</a>
        <a href={`${base}/certificates.zip`}>{t("record.report.zip")}</a>
        <button type="button" onClick={() => window.print()}>
          {t("record.report.print")}
        </button>
      </div>
      <CertificateRules base={base} settings={settings} onSaved={setSettings} />
      <ChartCanvas draw={charts.timeline} label={t("record.report.timeline")} />
      <div className="record-pair">
        <ChartCanvas draw={charts.talk} label={t("record.report.talk")} />
        <ChartCanvas draw={charts.distribution} label={t("record.report.distribution")} />
      </div>
      <p className="muted">{t("record.report.sortHint")}</p>
      {said && <p role="status">{said}</p>}
      <div className="record-table-wrap">
        <table className="budget record-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort.key === c.key ? (sort.down ? "descending" : "ascending") : "none"}>
                  <button type="button" onClick={() => setSort((s) => ({ key: c.key, down: s.key === c.key ? !s.down : true }))}>
                    {t(c.label)}
                    {sort.key === c.key ? (sort.down ? " ▼" : " ▲") : ""}
                  </button>
                </th>
              ))}
              <th>{t("record.report.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.personId}>
                {COLUMNS.map((c) => (
                  <td key={c.key}>{c.show ? c.show(r) : String(c.value(r))}</td>
                ))}
                <td>
                  <RowActions base={base} row={r} settings={settings} onErased={(s) => (setSaid(s), setVersion((v) => v + 1))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SurveyResults sessionId={sessionId} survey={data.survey} />
    </div>
  );
}
