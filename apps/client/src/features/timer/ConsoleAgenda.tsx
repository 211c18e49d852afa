import type { AgendaItem } from "@otc/contract";
import { useEffect, useState } from "react";
import { errorWording } from "../connection/error-text.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { agendaText, parseAgenda } from "./agenda-text.js";

async function answer<T>(res: Response): Promise<T> {
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new Error(typeof json === "object" && json !== null && "error" in json ? String((json as { error: unknown }).error) : `HTTP ${res.status}`);
  return json as T;
}

/** The console's agenda of one session, prepared before it: one "minutes title" line per item, the room's agenda when it opens. */
export function ConsoleAgenda({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const t = useT();
  const url = `/api/sessions/${encodeURIComponent(sessionId)}/agenda`;
  const [text, setText] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: Wording | string } | null>(null);
  useEffect(() => {
    fetch(url, { credentials: "same-origin" })
      .then((r) => answer<{ items: AgendaItem[] }>(r))
      .then((a) => setText(agendaText(a.items)), (e: unknown) => setMessage({ ok: false, text: errorWording(e) }));
  }, [url]);
  const save = async () => {
    try {
      const res = await fetch(url, { method: "PUT", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ items: parseAgenda(text) }) });
      setText(agendaText((await answer<{ items: AgendaItem[] }>(res)).items));
      setMessage({ ok: true, text: { key: "consoleagenda.saved" } });
    } catch (e) {
      setMessage({ ok: false, text: errorWording(e) });
    }
  };
  return (
    <section aria-label={t("consoleagenda.heading")}>
      <h3>{t("consoleagenda.heading")}</h3>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{word(t, message.text)}</p>}
      <form onSubmit={(e) => (e.preventDefault(), void save())}>
        <label>
          {t("consoleagenda.items")} <textarea rows={4} value={text} disabled={ended} onChange={(e) => setText(e.target.value)} />
        </label>
        {!ended && <button type="submit">{t("consoleagenda.save")}</button>}
      </form>
    </section>
  );
}
