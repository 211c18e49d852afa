import type { RecordSettings } from "@otc/contract";
import { useEffect, useId, useState } from "react";
import { useT } from "../i18n/language-context.js";

const percent = (x: number | null) => (x === null ? "" : String(Math.round(x * 100)));
/** A whole percentage 0..100 typed in a field, as a share; "" is null; anything else undefined (invalid). */
const share = (text: string): number | null | undefined => {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n / 100 : undefined;
};

/**
 * Who earns a certificate, in the console's report: the share of the session present (default 80 %)
 * and, when set, the quiz score. Saved with `POST .../record-settings`; the report's rows follow.
 */
export function CertificateRules({ base, settings, onSaved }: { base: string; settings: RecordSettings; onSaved(s: RecordSettings): void }) {
  const t = useT();
  const ids = { present: useId(), quiz: useId() };
  const [present, setPresent] = useState(percent(settings.certificateShare));
  const [quiz, setQuiz] = useState(percent(settings.quizPass));
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    setPresent(percent(settings.certificateShare));
    setQuiz(percent(settings.quizPass));
  }, [settings]);
  const [presentShare, quizShare] = [share(present), share(quiz)];
  const valid = presentShare !== undefined && presentShare !== null && quizShare !== undefined;
  const save = async () => {
    if (!valid) return;
    const res = await fetch(`${base}/record-settings`, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ certificateShare: presentShare, quizPass: quizShare }) });
    const body = (await res.json().catch(() => ({}))) as RecordSettings & { error?: string };
    if (res.ok) onSaved({ certificateShare: body.certificateShare, quizPass: body.quizPass });
    setSaid(res.ok ? { ok: true, text: t("record.certificates.saved") } : { ok: false, text: body.error ?? String(res.status) });
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, placeholder?: string) => (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={0} max={100} step={1} value={value} placeholder={placeholder} onChange={(e) => (set(e.currentTarget.value), setSaid(null))} />
    </div>
  );
  return (
    <div className="record-certificate-rules">
      <div className="link-row">
        {field(ids.present, t("record.certificates.present"), present, setPresent)}
        {field(ids.quiz, t("record.certificates.quiz"), quiz, setQuiz, t("record.certificates.noQuiz"))}
        <button type="button" disabled={!valid} onClick={() => void save()}>
          {t("record.certificates.save")}
        </button>
      </div>
      {said && <p role={said.ok ? "status" : "alert"} className={said.ok ? "ok" : "error"}>{said.text}</p>}
    </div>
  );
}
