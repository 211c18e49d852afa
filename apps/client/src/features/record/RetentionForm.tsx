import { RETENTION_DAYS_MAX, type RetentionSettings } from "@otc/contract";
import { useEffect, useId, useState } from "react";
import { useT } from "../i18n/language-context.js";

/**
 * The session's retention in the console: days its personal data is kept (empty: the server's
 * RECORD_RETENTION_DAYS, shown). The server validates and sweeps (features/record/retention.ts).
 */
export function RetentionForm({ sessionId }: { sessionId: string }) {
  const t = useT();
  const inputId = useId();
  const url = `/api/sessions/${encodeURIComponent(sessionId)}/retention`;
  const [loaded, setLoaded] = useState<RetentionSettings | null>(null);
  const [text, setText] = useState("");
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (s: RetentionSettings) => (setLoaded(s), setText(s.days === null ? "" : String(s.days)));
  useEffect(() => {
    fetch(url, { credentials: "same-origin" })
      .then(async (r) => (r.ok ? show((await r.json()) as RetentionSettings) : undefined))
      .catch(() => undefined);
  }, [url]);
  const days = text.trim() === "" ? null : Number(text);
  const valid = days === null || (Number.isInteger(days) && days >= 1 && days <= RETENTION_DAYS_MAX);
  const save = async () => {
    const res = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ days }) });
    const body = (await res.json().catch(() => ({}))) as RetentionSettings & { error?: string };
    if (res.ok) show(body);
    setSaid(res.ok ? { ok: true, text: t("record.retention.saved") } : { ok: false, text: body.error ?? String(res.status) });
  };
  if (!loaded) return null;
  return (
    <div className="record-retention">
      <label htmlFor={inputId}>{t("record.retention.label")}</label>
      <div className="link-row">
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={1}
          max={RETENTION_DAYS_MAX}
          step={1}
          placeholder={loaded.serverDays === null ? t("record.retention.keptPlaceholder") : String(loaded.serverDays)}
          value={text}
          aria-invalid={!valid}
          onChange={(e) => (setText(e.currentTarget.value), setSaid(null))}
        />
        <button type="button" disabled={!valid} onClick={() => void save()}>
          {t("record.retention.save")}
        </button>
      </div>
      <p className="muted">{loaded.serverDays === null ? t("record.retention.serverKeeps") : t("record.retention.serverDays", { days: loaded.serverDays })}</p>
      {said && <p role={said.ok ? "status" : "alert"} className={said.ok ? "ok" : "error"}>{said.text}</p>}
    </div>
  );
}
