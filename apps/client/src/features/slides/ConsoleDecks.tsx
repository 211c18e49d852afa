import { SLIDE_DECK_MAX_BYTES, deckSummarySchema, type DeckSummary } from "@otc/contract";
import { useEffect, useState } from "react";
import { errorWording } from "../connection/error-text.js";
import { useLanguage } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";

async function answer<T>(res: Response, parse: (json: unknown) => T): Promise<T> {
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new Error(typeof json === "object" && json !== null && "error" in json ? String((json as { error: unknown }).error) : `HTTP ${res.status}`);
  return parse(json);
}

/**
 * The console's deck list for one session: upload a PDF (or PPTX/ODP when the server has
 * LibreOffice) ahead of the session; the facilitator then puts it on a screen from inside the room.
 */
export function ConsoleDecks({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const { t, language } = useLanguage();
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: Wording | string } | null>(null);
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/decks`;

  useEffect(() => {
    fetch(base, { credentials: "same-origin" })
      .then((r) => answer(r, (j) => deckSummarySchema.array().parse(j)))
      .then(setDecks, (e: unknown) => setMessage({ ok: false, text: errorWording(e) }));
  }, [base]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > SLIDE_DECK_MAX_BYTES) return setMessage({ ok: false, text: { key: "decks.tooBig", params: { mb: SLIDE_DECK_MAX_BYTES / 1048576 } } });
    setMessage({ ok: true, text: { key: "slides.uploading", params: { name: file.name } } });
    try {
      const res = await fetch(`${base}?name=${encodeURIComponent(file.name)}`, { method: "POST", credentials: "same-origin", body: file, headers: { "content-type": "application/octet-stream" } });
      const deck = await answer(res, (j) => deckSummarySchema.parse(j));
      setDecks((d) => [deck, ...d.filter((x) => x.id !== deck.id)]);
      setMessage({ ok: true, text: { key: "decks.uploaded", params: { name: deck.name, count: deck.pageCount } } });
    } catch (e) {
      setMessage({ ok: false, text: errorWording(e) });
    }
  };

  return (
    <div aria-label={t("decks.title")}>
      <h3>{t("decks.title")}</h3>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{word(t, message.text)}</p>}
      {decks.length === 0 ? <p className="muted">{t("decks.none")}</p> : (
        <ul>
          {decks.map((d) => (
            <li key={d.id}>
              {t("decks.line", { name: d.name, count: d.pageCount, mb: new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(d.bytes / 1048576) })}
              {d.source !== "pdf" && ` · ${t("decks.from", { format: d.source.toUpperCase() })}`}
            </li>
          ))}
        </ul>
      )}
      {!ended && (
        <label>
          {t("decks.upload")}{" "}
          <input type="file" accept="application/pdf,.pdf,.pptx,.odp" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
      )}
    </div>
  );
}
