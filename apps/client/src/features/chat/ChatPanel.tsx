import { CHAT_TEXT_MAX, type ChatAudience } from "@otc/contract";
import { useEffect, useRef, useState } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { useModeration } from "../moderation/use-moderation.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { useChat, useChatStore } from "./use-chat.js";

/** Words of the chat (English; the catalogue merge moves them). */
export const CHAT_TEXT = {
  title: "Chat",
  empty: "No messages yet.",
  placeholder: "Write a message…",
  send: "Send",
  toEveryone: "Everyone",
  toFacilitators: "Facilitators only",
  privately: "to facilitators",
  delete: "Delete",
  off: "A facilitator switched your chat off.",
  switchOff: "Chat off",
  switchOn: "Chat on",
} as const;

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

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
  const [text, setText] = useState("");
  const [to, setTo] = useState<ChatAudience>("everyone");
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "end" });
  }, [entries]);
  const myChatOff = chatOff.includes(selfId);
  const T = CHAT_TEXT;
  return (
    <details className="hud chat" aria-label="Chat panel">
      <summary>
        {T.title}
        {entries.length > 0 && ` (${entries.length})`}
      </summary>
      <ol ref={list} aria-label="Chat messages">
        {entries.length === 0 && <li className="quiet">{T.empty}</li>}
        {entries.map((e) => {
          const present = people.some((p) => p.id === e.fromId);
          return (
            <li key={e.id} data-chat-id={e.id} className={e.to === "facilitators" ? "private" : undefined}>
              <span className="who">{e.name}</span>
              {e.to === "facilitators" && <span className="quiet"> ({T.privately})</span>}
              <span className="quiet"> {time(e.at)}</span>
              <span className="text">{e.text}</span>
              {moderator && (
                <span className="row">
                  <button type="button" className="small" onClick={() => store.remove(e.id)} aria-label={`Delete message from ${e.name}`}>
                    {T.delete}
                  </button>
                  {present && e.fromId !== selfId && (
                    <button type="button" className="small" onClick={() => store.switchOff(e.fromId, !chatOff.includes(e.fromId))}>
                      {chatOff.includes(e.fromId) ? T.switchOn : T.switchOff}
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {myChatOff ? (
        <p className="quiet">{T.off}</p>
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
          <input aria-label="Chat message" placeholder={T.placeholder} maxLength={CHAT_TEXT_MAX} value={text} onChange={(ev) => setText(ev.target.value)} />
          {!moderator && (
            <select aria-label="Send to" value={to} onChange={(ev) => setTo(ev.target.value as ChatAudience)}>
              <option value="everyone">{T.toEveryone}</option>
              <option value="facilitators">{T.toFacilitators}</option>
            </select>
          )}
          <button type="submit" className="small">
            {T.send}
          </button>
        </form>
      )}
    </details>
  );
}
