import type { LinkKind, SessionSummary } from "@otc/contract";
import { useState } from "react";
import { consoleApi } from "./console-api.js";
import { LANGUAGE_NAMES } from "./NewSessionForm.js";
import { ConsoleDecks } from "../slides/ConsoleDecks.js";
import { ConsolePolls } from "../polls/ConsolePolls.js";
import { SessionBrandForm } from "./SessionBrandForm.js";

const LINK_LABEL: Record<LinkKind, string> = { participant: "Participant link", facilitator: "Facilitator link" };

async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (e.g. plain http off localhost): select it for Ctrl+C instead.
    input?.select();
    return false;
  }
}

/** One session: its two links (copy, renew), its details, and ending it. */
export function SessionDetail({ session, onChanged }: { session: SessionSummary; onChanged(s: SessionSummary): void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ended = session.endedAt !== null;
  const absolute = (path: string) => new URL(path, window.location.origin).toString();

  const act = async (what: () => Promise<SessionSummary>, done: string) => {
    try {
      onChanged(await what());
      setMessage({ ok: true, text: done });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const renew = (kind: LinkKind) => {
    if (!window.confirm(`Make a new ${LINK_LABEL[kind].toLowerCase()}? The current one stops working for anyone who has not joined yet.`)) return;
    void act(() => consoleApi.regenerate(session.id, kind), `New ${LINK_LABEL[kind].toLowerCase()} made; the old one no longer works.`);
  };
  const end = () => {
    if (!window.confirm(`End "${session.title}"? Everyone in it will be disconnected and its links stop working.`)) return;
    void act(() => consoleApi.end(session.id), "Session ended.");
  };

  return (
    <section className="panel" aria-labelledby="detail-heading">
      <h2 id="detail-heading">{session.title}</h2>
      <p className="muted">
        {session.id} · room {session.room} · {LANGUAGE_NAMES[session.language]}
        {session.schedule && ` · ${new Date(session.schedule.startsAt).toLocaleString()} – ${new Date(session.schedule.endsAt).toLocaleString()}`}
        {ended && " · ended"}
      </p>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
      {(["participant", "facilitator"] as const).map((kind) => {
        const url = absolute(session.links[kind]);
        const inputId = `link-${kind}`;
        return (
          <div key={kind}>
            <label htmlFor={inputId}>{LINK_LABEL[kind]}</label>
            <div className="link-row">
              <input id={inputId} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                disabled={ended}
                onClick={() => void copy(url, document.getElementById(inputId) as HTMLInputElement | null).then((ok) => setMessage({ ok: true, text: ok ? `${LINK_LABEL[kind]} copied.` : "Press Ctrl+C to copy the selected link." }))}
              >
                Copy {kind} link
              </button>
              <button type="button" disabled={ended} onClick={() => renew(kind)}>
                Renew {kind} link
              </button>
            </div>
          </div>
        );
      })}
      <ConsoleDecks key={session.id} sessionId={session.id} ended={ended} />
      <ConsolePolls key={`polls-${session.id}`} sessionId={session.id} ended={ended} />
      <SessionBrandForm key={`brand-${session.id}`} sessionId={session.id} ended={ended} />
      <div className="actions">
        {!ended && (
          <a href={session.links.facilitator} target="_blank" rel="noopener">
            Open the room as facilitator
          </a>
        )}
        <button type="button" className="danger" disabled={ended} onClick={end}>
          End session
        </button>
      </div>
    </section>
  );
}
