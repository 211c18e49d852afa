import { useT } from "../i18n/language-context.js";
import type { SessionSummary } from "@otc/contract";

/** Every session, newest first, with whether it is open or ended. */
export function SessionList({ sessions, selected, onOpen }: { sessions: SessionSummary[]; selected: string | null; onOpen(id: string): void }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t("console.sessions")}</h2>
      {sessions.length === 0 ? (
        <p className="muted">{t("console.noSessions")}</p>
      ) : (
        <ul className="sessions" aria-label={t("console.sessions")}>
          {sessions.map((s) => (
            <li key={s.id}>
              <button type="button" aria-current={s.id === selected} onClick={() => onOpen(s.id)}>
                <span>
                  {s.title} <span className="muted">· {s.id}</span>
                </span>
                <span className={s.endedAt === null ? "state" : "state ended"}>{s.endedAt === null ? t("console.open") : t("console.ended")}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
