import { CHAT_TEXT_MAX, type ChatAudience } from "@otc/contract";
import { useEffect, useRef, useState } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { useLanguage } from "../i18n/language-context.js";
import { useModeration } from "../moderation/use-moderation.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { useChat, useChatStore } from "./use-chat.js";

/** A message's time of day in the page's language (24 h or 12 h as that language writes it). */
const time = (at: number, language: string) => new Date(at).toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });

/**
 * The room chat on desktop: messages as text (never HTML), a private line to the facilitators, and
 * for facilitators a Delete per message and a chat switch per sender.
 */
export function ChatPanel() {
  const { selfId } = useSession();
  const store = useChatStore();
  const entries = useChat((s) => s.entries);
  const moderator = useVoiceUi((s) => s.moderator);
  const people = useSessionUi((s) => s.participants);
  const { chatOff } = useModeration();
  const text = useChat((s) => s.draft);
  const setText = (draft: string) => store.getState().setDraft(draft);
  const [to, setTo] = useState<ChatAudience>("everyone");
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "end" });
  }, [entries]);
  const myChatOff = chatOff.includes(selfId);
  const { t, language } = useLanguage();
  return (
    <details className="hud chat" aria-label={t("chat.panel")}>
      <summary>
        {entries.length > 0 ? t("chat.titleCount", { n: entries.length }) : t("chat.title")}
      </summary>
      <ol ref={list} aria-label={t("chat.messages")}>
        {entries.length === 0 && <li className="quiet">{t("chat.empty")}</li>}
        {entries.map((e) => {
          const present = people.some((p) => p.id === e.fromId);
          return (
            <li key={e.id} data-chat-id={e.id} className={e.to === "facilitators" ? "private" : undefined}>
              <span className="who">{e.name}</span>
              {e.to === "facilitators" && <span className="quiet"> {t("chat.privately")}</span>}
              <span className="quiet"> {time(e.at, language)}</span>
              <span className="text">{e.text}</span>
              {moderator && (
                <span className="row">
                  <button type="button" className="small" onClick={() => store.remove(e.id)} aria-label={t("chat.deleteFrom", { name: e.name })}>
                    {t("chat.delete")}
                  </button>
                  {present && e.fromId !== selfId && (
                    <button type="button" className="small" onClick={() => store.switchOff(e.fromId, !chatOff.includes(e.fromId))}>
                      {chatOff.includes(e.fromId) ? t("chat.switchOn") : t("chat.switchOff")}
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {myChatOff ? (
        <p className="quiet">{t("chat.off")}</p>
      ) : (
        <form
          className="row"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!text.trim()) return;
            store.send(text, to);
            setText("");
          }}
        >
          <input aria-label={t("chat.message")} placeholder={t("chat.placeholder")} maxLength={CHAT_TEXT_MAX} value={text} onChange={(ev) => setText(ev.target.value)} />
          {!moderator && (
            <select aria-label={t("chat.sendTo")} value={to} onChange={(ev) => setTo(ev.target.value as ChatAudience)}>
              <option value="everyone">{t("chat.toEveryone")}</option>
              <option value="facilitators">{t("chat.toFacilitators")}</option>
            </select>
          )}
          <button type="submit" className="small">
            {t("chat.send")}
          </button>
        </form>
      )}
    </details>
  );
}
