import { CAPACITY_MAX, WAITING_POLL_MS, type ConsoleModerationView } from "@otc/contract";
import { useEffect, useState } from "react";
import { consoleApi } from "../sessions/console-api.js";

export const CONSOLE_MODERATION_TEXT = {
  title: "Capacity and waiting room",
  capacity: "Most people in the session",
  save: "Save capacity",
  lock: "Locked: newcomers wait until admitted",
  notLive: "Nobody is in the room now; the waiting room opens when the session runs.",
  waiting: "Waiting",
  nobody: "Nobody is waiting.",
  admit: "Admit",
  refuse: "Refuse",
  blocked: "Removed (cannot rejoin)",
  allow: "Allow again",
} as const;

/**
 * The console's view of a session's capacity, lock, waiting room and blocked list; it asks again
 * every WAITING_POLL_MS so a waiting person shows up while the console is open.
 */
export function ConsoleModeration({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const [view, setView] = useState<ConsoleModerationView | null>(null);
  const [capacity, setCapacity] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const load = () =>
      consoleApi.moderation(sessionId).then(
        (v) => !stop && (setView(v), setError(null)),
        (e: unknown) => !stop && setError(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const timer = window.setInterval(() => void load(), WAITING_POLL_MS);
    return () => ((stop = true), window.clearInterval(timer));
  }, [sessionId]);
  const run = (call: Promise<ConsoleModerationView>) => void call.then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  if (!view) return error ? <p className="error">{error}</p> : null;
  const T = CONSOLE_MODERATION_TEXT;
  return (
    <section aria-label={T.title}>
      <h3>{T.title}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      <form
        className="link-row"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(capacity);
          if (Number.isInteger(n) && n >= 1 && n <= CAPACITY_MAX) run(consoleApi.setModeration(sessionId, { capacity: n }));
          setCapacity("");
        }}
      >
        <label htmlFor={`capacity-${sessionId}`}>{`${T.capacity}: ${view.capacity}`}</label>
        <input id={`capacity-${sessionId}`} type="number" min={1} max={CAPACITY_MAX} value={capacity} disabled={ended} onChange={(e) => setCapacity(e.target.value)} />
        <button type="submit" disabled={ended || !capacity}>
          {T.save}
        </button>
      </form>
      <label>
        <input type="checkbox" checked={view.locked} disabled={ended} onChange={(e) => run(consoleApi.setModeration(sessionId, { locked: e.target.checked }))} /> {T.lock}
      </label>
      {!view.live ? (
        <p className="muted">{T.notLive}</p>
      ) : (
        <>
          <h4>{T.waiting}</h4>
          {view.waiting.length === 0 && <p className="muted">{T.nobody}</p>}
          <ul aria-label="Waiting people">
            {view.waiting.map((w) => (
              <li key={w.personId}>
                {w.name}{" "}
                <button type="button" onClick={() => run(consoleApi.admit(sessionId, w.personId, true))} aria-label={`Admit ${w.name}`}>
                  {T.admit}
                </button>{" "}
                <button type="button" onClick={() => run(consoleApi.admit(sessionId, w.personId, false))} aria-label={`Refuse ${w.name}`}>
                  {T.refuse}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.blocked.length > 0 && (
        <>
          <h4>{T.blocked}</h4>
          <ul aria-label="Removed people">
            {view.blocked.map((b) => (
              <li key={b.personId}>
                {b.name}{" "}
                <button type="button" onClick={() => run(consoleApi.unblock(sessionId, b.personId))} aria-label={`Allow ${b.name} again`}>
                  {T.allow}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
