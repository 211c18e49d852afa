import { POLL_KINDS, POLL_OPTIONS_MAX, type PollKind, type PollView } from "@otc/contract";
import { useEffect, useState } from "react";

/** Words of the console's poll section, gathered for the catalogues. */
export const CONSOLE_TEXT = {
  heading: "Polls and quizzes",
  intro: "Prepare questions before the session; a facilitator launches them from inside the room.",
  none: "No questions yet.",
  question: "Question",
  kind: "Kind",
  kinds: { single: "Single choice", multiple: "Multiple choice", rating: "Rating 1–5", text: "Open text (word cloud)" } satisfies Record<PollKind, string>,
  options: "Options, one per line",
  correct: "Correct option numbers (quiz), e.g. 2 or 1,3",
  anonymous: "Anonymous",
  prepare: "Prepare question",
  prepared: "Question prepared.",
  csv: "Download results (CSV)",
  status: { draft: "prepared", open: "open", closed: "closed" } satisfies Record<PollView["status"], string>,
  responses: (n: number) => (n === 1 ? "1 answer" : `${n} answers`),
} as const;

async function answer<T>(res: Response): Promise<T> {
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new Error(typeof json === "object" && json !== null && "error" in json ? String((json as { error: unknown }).error) : `HTTP ${res.status}`);
  return json as T;
}

/** The console's polls for one session: prepare questions ahead, see each one's results, download every answer as CSV. */
export function ConsolePolls({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/polls`;
  const [polls, setPolls] = useState<PollView[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [question, setQuestion] = useState("");
  const [kind, setKind] = useState<PollKind>("single");
  const [options, setOptions] = useState("");
  const [correct, setCorrect] = useState("");
  const [anonymous, setAnonymous] = useState(false);

  useEffect(() => {
    fetch(base, { credentials: "same-origin" })
      .then((r) => answer<PollView[]>(r))
      .then(setPolls, (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }));
  }, [base]);

  const prepare = async () => {
    const opts = kind === "single" || kind === "multiple" ? options.split("\n").map((o) => o.trim()).filter(Boolean).slice(0, POLL_OPTIONS_MAX) : [];
    const right = kind === "text" ? [] : correct.split(/[\s,;]+/).map((s) => Number.parseInt(s, 10) - 1).filter((n) => Number.isInteger(n) && n >= 0);
    try {
      const res = await fetch(base, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ question, kind, options: opts, anonymous, correct: right }) });
      const made = await answer<PollView>(res);
      setPolls((p) => [...p, made]);
      setQuestion("");
      setOptions("");
      setCorrect("");
      setMessage({ ok: true, text: CONSOLE_TEXT.prepared });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div aria-label={CONSOLE_TEXT.heading}>
      <h3>{CONSOLE_TEXT.heading}</h3>
      <p className="muted">{CONSOLE_TEXT.intro}</p>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
      {polls.length === 0 ? (
        <p className="muted">{CONSOLE_TEXT.none}</p>
      ) : (
        <ul>
          {polls.map((p) => (
            <li key={p.id}>
              {p.question} · {CONSOLE_TEXT.kinds[p.kind]} · {CONSOLE_TEXT.status[p.status]}
              {p.status !== "draft" && ` · ${CONSOLE_TEXT.responses(p.responses)}`}
              {p.kind === "text" ? (p.words.length > 0 ? ` · ${p.words.slice(0, 8).map(([w, n]) => `${w} (${n})`).join(", ")}` : "") : p.status !== "draft" ? ` · ${p.counts.join(" / ")}` : ""}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${base}.csv`} download>
          {CONSOLE_TEXT.csv}
        </a>
      </p>
      {!ended && (
        <form
          className="console-poll-form"
          onSubmit={(e) => {
            e.preventDefault();
            void prepare();
          }}
        >
          <label>
            {CONSOLE_TEXT.question} <input value={question} maxLength={200} onChange={(e) => setQuestion(e.target.value)} />
          </label>
          <label>
            {CONSOLE_TEXT.kind}{" "}
            <select value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
              {POLL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CONSOLE_TEXT.kinds[k]}
                </option>
              ))}
            </select>
          </label>
          {(kind === "single" || kind === "multiple") && (
            <label>
              {CONSOLE_TEXT.options} <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
            </label>
          )}
          {kind !== "text" && (
            <label>
              {CONSOLE_TEXT.correct} <input value={correct} maxLength={20} onChange={(e) => setCorrect(e.target.value)} />
            </label>
          )}
          <label>
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {CONSOLE_TEXT.anonymous}
          </label>
          <button type="submit" disabled={!question.trim()}>
            {CONSOLE_TEXT.prepare}
          </button>
        </form>
      )}
    </div>
  );
}
