import type { LinkKind, SessionSummary } from "@otc/contract";
import { useState } from "react";
import { consoleApi } from "./console-api.js";
import type { MessageKey } from "@otc/i18n";
import { errorWording } from "../connection/error-text.js";
import { autonym } from "../i18n/LanguagePicker.js";
import { useLanguage } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { ConsoleDecks } from "../slides/ConsoleDecks.js";
import { ConsolePolls } from "../polls/ConsolePolls.js";
import { ConsoleBreakoutPlans } from "../breakouts/ConsoleBreakoutPlans.js";
import { ConsoleAgenda } from "../timer/ConsoleAgenda.js";
import { SessionBrandForm } from "./SessionBrandForm.js";
import { ConsoleModeration } from "../moderation/ConsoleModeration.js";
import { RecordSection } from "../record/RecordSection.js";
import { ConsoleOnboarding } from "../onboarding/ConsoleOnboarding.js";
import { ConsolePractice } from "../onboarding/ConsolePractice.js";

const LINK_KEYS: Record<LinkKind, { label: MessageKey; copied: MessageKey; copy: MessageKey; renew: MessageKey; confirm: MessageKey; renewed: MessageKey }> = {
  participant: { label: "console.link.participant", copied: "console.link.participantCopied", copy: "console.link.copyParticipant", renew: "console.link.renewParticipant", confirm: "console.link.confirmParticipant", renewed: "console.link.renewedParticipant" },
  facilitator: { label: "console.link.facilitator", copied: "console.link.facilitatorCopied", copy: "console.link.copyFacilitator", renew: "console.link.renewFacilitator", confirm: "console.link.confirmFacilitator", renewed: "console.link.renewedFacilitator" },
};

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
  const { t, language } = useLanguage();
  const [message, setMessage] = useState<{ ok: boolean; text: Wording | string } | null>(null);
  const ended = session.endedAt !== null;
  const absolute = (path: string) => new URL(path, window.location.origin).toString();

  const act = async (what: () => Promise<SessionSummary>, done: Wording) => {
    try {
      onChanged(await what());
      setMessage({ ok: true, text: done });
    } catch (e) {
      setMessage({ ok: false, text: errorWording(e) });
    }
  };

  const renew = (kind: LinkKind) => {
    if (!window.confirm(t(LINK_KEYS[kind].confirm))) return;
    void act(() => consoleApi.regenerate(session.id, kind), { key: LINK_KEYS[kind].renewed });
  };
  const end = () => {
    if (!window.confirm(t("console.confirmEnd", { title: session.title }))) return;
    void act(() => consoleApi.end(session.id), { key: "console.endedMessage" });
  };

  return (
    <section className="panel" aria-labelledby="detail-heading">
      <h2 id="detail-heading">{session.title}</h2>
      <p className="muted">
        {session.id} · {t("console.roomOf", { room: session.room })} · {autonym(session.language)}
        {session.schedule && ` · ${new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).formatRange(session.schedule.startsAt, session.schedule.endsAt)}`}
        {ended && ` · ${t("console.endedState")}`}
      </p>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{word(t, message.text)}</p>}
      {(["participant", "facilitator"] as const).map((kind) => {
        const url = absolute(session.links[kind]);
        const inputId = `link-${kind}`;
        return (
          <div key={kind}>
            <label htmlFor={inputId}>{t(LINK_KEYS[kind].label)}</label>
            <div className="link-row">
              <input id={inputId} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                disabled={ended}
                onClick={() => void copy(url, document.getElementById(inputId) as HTMLInputElement | null).then((ok) => setMessage({ ok: true, text: { key: ok ? LINK_KEYS[kind].copied : "console.link.pressCtrlC" } }))}
              >
                {t(LINK_KEYS[kind].copy)}
              </button>
              <button type="button" disabled={ended} onClick={() => renew(kind)}>
                {t(LINK_KEYS[kind].renew)}
              </button>
            </div>
          </div>
        );
      })}
      <ConsoleDecks key={session.id} sessionId={session.id} ended={ended} />
      <ConsolePolls key={`polls-${session.id}`} sessionId={session.id} ended={ended} />
      <ConsoleBreakoutPlans key={`breakout-plans-${session.id}`} sessionId={session.id} ended={ended} />
      <ConsoleAgenda key={`agenda-${session.id}`} sessionId={session.id} ended={ended} />
      <SessionBrandForm key={`brand-${session.id}`} sessionId={session.id} ended={ended} />
      <ConsoleModeration key={`moderation-${session.id}`} sessionId={session.id} ended={ended} />
      <RecordSection key={`record-${session.id}`} sessionId={session.id} />
      <ConsoleOnboarding key={`onboarding-${session.id}`} sessionId={session.id} />
      <ConsolePractice key={`practice-${session.id}`} sessionId={session.id} />
      <div className="actions">
        {!ended && (
          <a href={session.links.facilitator} target="_blank" rel="noopener">
            {t("console.openRoom")}
          </a>
        )}
        <button type="button" className="danger" disabled={ended} onClick={end}>
          {t("console.end")}
        </button>
      </div>
    </section>
  );
}
