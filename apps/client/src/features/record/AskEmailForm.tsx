import type { AskEmailSettings } from "@otc/contract";
import { useEffect, useId, useState } from "react";
import { useT } from "../i18n/language-context.js";

/**
 * Whether the session's join screen asks for an email (optional to give), which its learning
 * records (xAPI) then use to name the person. Saved as soon as it is ticked; the server validates.
 */
export function AskEmailForm({ sessionId }: { sessionId: string }) {
  const t = useT();
  const id = useId();
  const url = `/api/sessions/${encodeURIComponent(sessionId)}/ask-email`;
  const [ask, setAsk] = useState<boolean | null>(null);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    fetch(url, { credentials: "same-origin" })
      .then(async (r) => (r.ok ? setAsk(((await r.json()) as AskEmailSettings).askEmail) : undefined))
      .catch(() => undefined);
  }, [url]);
  const save = async (next: boolean) => {
    const res = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ askEmail: next } satisfies AskEmailSettings) }).catch(() => null);
    const body = res ? ((await res.json().catch(() => ({}))) as Partial<AskEmailSettings> & { error?: string }) : {};
    if (res?.ok && typeof body.askEmail === "boolean") setAsk(body.askEmail);
    setSaid(res?.ok ? { ok: true, text: t("joinemail.saved") } : { ok: false, text: body.error ?? String(res?.status ?? "") });
  };
  if (ask === null) return null;
  return (
    <div className="record-ask-email">
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={ask} onChange={(e) => void save(e.currentTarget.checked)} /> {t("joinemail.consoleLabel")}
      </label>
      <p className="muted">{t("joinemail.consoleHint")}</p>
      {said && <p role={said.ok ? "status" : "alert"} className={said.ok ? "ok" : "error"}>{said.text}</p>}
    </div>
  );
}
