import { POLL_KINDS, POLL_OPTIONS_MAX, type PollKind, type PollView } from "@otc/contract";
import { useEffect, useState } from "react";
import { errorWording } from "../connection/error-text.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { KIND_KEY, STATUS_KEY } from "./PollsPanel.js";

async function answer<T>(res: Response): Promise<T> {
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new Error(typeof json === "object" && json !== null && "error" in json ? String((json as { error: unknown }).error) : `HTTP ${res.status}`);
  return json as T;
}

/** The console's polls for one session: prepare questions ahead, see each one's results, download every answer as CSV. */
export function ConsolePolls({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const t = useT();
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/polls`;
  const [polls, setPolls] = useState<PollView[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: Wording | string } | null>(null);
  const [question, setQuestion] = useState("");
  const [kind, setKind] = useState<PollKind>("single");
  const [options, setOptions] = useState("");
  const [correct, setCorrect] = useState("");
  const [anonymous, setAnonymous] = useState(false);

  useEffect(() => {
    fetch(base, { credentials: "same-origin" })
      .then((r) => answer<PollView[]>(r))
      .then(setPolls, (e: unknown) => setMessage({ ok: false, text: errorWording(e) }));
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
      setMessage({ ok: true, text: { key: "polls.console.prepared" } });
    } catch (e) {
      setMessage({ ok: false, text: errorWording(e) });
    }
  };

  return (
    <div aria-label={t("polls.console.heading")}>
      <h3>{t("polls.console.heading")}</h3>
      <p className="muted">{t("polls.console.intro")}</p>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{word(t, message.text)}</p>}
      {polls.length === 0 ? (
        <p className="muted">{t("polls.console.none")}</p>
      ) : (
        <ul>
          {polls.map((p) => (
            <li key={p.id}>
              {p.question} · {t(KIND_KEY[p.kind])} · {t(STATUS_KEY[p.status])}
              {p.status !== "draft" && ` · ${t("polls.answers", { count: p.responses })}`}
              {p.kind === "text" ? (p.words.length > 0 ? ` · ${p.words.slice(0, 8).map(([w, n]) => `${w} (${n})`).join(", ")}` : "") : p.status !== "draft" ? ` · ${p.counts.join(" / ")}` : ""}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${base}.csv`} download>
          {t("polls.console.csv")}
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
            {t("polls.question")} <input value={question} maxLength={200} onChange={(e) => setQuestion(e.target.value)} />
          </label>
          <label>
            {t("polls.kind")}{" "}
            <select value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
              {POLL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(KIND_KEY[k])}
                </option>
              ))}
            </select>
          </label>
          {(kind === "single" || kind === "multiple") && (
            <label>
              {t("polls.options")} <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
            </label>
          )}
          {kind !== "text" && (
            <label>
              {t("polls.correct")} <input value={correct} maxLength={20} onChange={(e) => setCorrect(e.target.value)} />
            </label>
          )}
          <label>
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t("polls.anonymous")}
          </label>
          <button type="submit" disabled={!question.trim()}>
            {t("polls.console.prepare")}
          </button>
        </form>
      )}
    </div>
  );
}
