import { errorWording } from "../connection/error-text.js";
import { word, type Wording } from "../i18n/wording.js";
import { CAPACITY_MAX, WAITING_POLL_MS, type ConsoleModerationView } from "@otc/contract";
import { useEffect, useState } from "react";
import { useT } from "../i18n/language-context.js";
import { consoleApi } from "../sessions/console-api.js";

/**
 * The console's view of a session's capacity, lock, waiting room and blocked list; it asks again
 * every WAITING_POLL_MS so a waiting person shows up while the console is open.
 */
export function ConsoleModeration({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const t = useT();
  const [view, setView] = useState<ConsoleModerationView | null>(null);
  const [capacity, setCapacity] = useState("");
  const [error, setError] = useState<Wording | string | null>(null);
  useEffect(() => {
    let stop = false;
    const load = () =>
      consoleApi.moderation(sessionId).then(
        (v) => !stop && (setView(v), setError(null)),
        (e: unknown) => !stop && setError(errorWording(e)),
      );
    void load();
    const timer = window.setInterval(() => void load(), WAITING_POLL_MS);
    return () => ((stop = true), window.clearInterval(timer));
  }, [sessionId]);
  const run = (call: Promise<ConsoleModerationView>) => void call.then(setView, (e: unknown) => setError(errorWording(e)));
  if (!view) return error ? <p className="error">{word(t, error)}</p> : null;
  return (
    <section aria-label={t("facilitation.console.title")}>
      <h3>{t("facilitation.console.title")}</h3>
      {error && <p className="error" role="alert">{word(t, error)}</p>}
      <form
        className="link-row"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(capacity);
          if (Number.isInteger(n) && n >= 1 && n <= CAPACITY_MAX) run(consoleApi.setModeration(sessionId, { capacity: n }));
          setCapacity("");
        }}
      >
        <label htmlFor={`capacity-${sessionId}`}>{t("facilitation.console.capacity", { n: view.capacity })}</label>
        <input id={`capacity-${sessionId}`} type="number" min={1} max={CAPACITY_MAX} value={capacity} disabled={ended} onChange={(e) => setCapacity(e.target.value)} />
        <button type="submit" disabled={ended || !capacity}>
          {t("facilitation.console.save")}
        </button>
      </form>
      <label>
        <input type="checkbox" checked={view.locked} disabled={ended} onChange={(e) => run(consoleApi.setModeration(sessionId, { locked: e.target.checked }))} /> {t("facilitation.console.lock")}
      </label>
      {!view.live ? (
        <p className="muted">{t("facilitation.console.notLive")}</p>
      ) : (
        <>
          <h4>{t("facilitation.console.waiting")}</h4>
          {view.waiting.length === 0 && <p className="muted">{t("facilitation.nobodyWaiting")}</p>}
          <ul aria-label={t("facilitation.waitingPeople")}>
            {view.waiting.map((w) => (
              <li key={w.personId}>
                {w.name}{" "}
                <button type="button" onClick={() => run(consoleApi.admit(sessionId, w.personId, true))} aria-label={t("facilitation.admitName", { name: w.name })}>
                  {t("facilitation.admit")}
                </button>{" "}
                <button type="button" onClick={() => run(consoleApi.admit(sessionId, w.personId, false))} aria-label={t("facilitation.refuseName", { name: w.name })}>
                  {t("facilitation.refuse")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.blocked.length > 0 && (
        <>
          <h4>{t("facilitation.blocked")}</h4>
          <ul aria-label={t("facilitation.removedPeople")}>
            {view.blocked.map((b) => (
              <li key={b.personId}>
                {b.name}{" "}
                <button type="button" onClick={() => run(consoleApi.unblock(sessionId, b.personId))} aria-label={t("facilitation.allowName", { name: b.name })}>
                  {t("facilitation.allow")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
