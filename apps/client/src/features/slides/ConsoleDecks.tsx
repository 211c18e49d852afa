import { SLIDE_DECK_MAX_BYTES, deckSummarySchema, type DeckSummary } from "@otc/contract";
import { useEffect, useState } from "react";

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
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/decks`;

  useEffect(() => {
    fetch(base, { credentials: "same-origin" })
      .then((r) => answer(r, (j) => deckSummarySchema.array().parse(j)))
      .then(setDecks, (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }));
  }, [base]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > SLIDE_DECK_MAX_BYTES) return setMessage({ ok: false, text: `The deck is larger than ${SLIDE_DECK_MAX_BYTES / 1048576} MB.` });
    setMessage({ ok: true, text: `Uploading “${file.name}”…` });
    try {
      const res = await fetch(`${base}?name=${encodeURIComponent(file.name)}`, { method: "POST", credentials: "same-origin", body: file, headers: { "content-type": "application/octet-stream" } });
      const deck = await answer(res, (j) => deckSummarySchema.parse(j));
      setDecks((d) => [deck, ...d.filter((x) => x.id !== deck.id)]);
      setMessage({ ok: true, text: `“${deck.name}” uploaded (${deck.pageCount} pages).` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div aria-label="Slide decks">
      <h3>Slide decks</h3>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
      {decks.length === 0 ? <p className="muted">No decks yet.</p> : (
        <ul>
          {decks.map((d) => (
            <li key={d.id}>
              {d.name} · {d.pageCount} pages · {(d.bytes / 1048576).toFixed(1)} MB{d.source !== "pdf" && ` · from ${d.source.toUpperCase()}`}
            </li>
          ))}
        </ul>
      )}
      {!ended && (
        <label>
          Upload a deck (PDF; PPTX/ODP if the server has LibreOffice){" "}
          <input type="file" accept="application/pdf,.pdf,.pptx,.odp" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
      )}
    </div>
  );
}
