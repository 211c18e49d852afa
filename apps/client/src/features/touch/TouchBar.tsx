import type { MessageKey } from "@otc/i18n";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useChat } from "../chat/use-chat.js";
import { currentPoll } from "../polls/polls-client.js";
import { usePollsUi } from "../polls/use-polls.js";
import { LanguagePicker } from "../i18n/LanguagePicker.js";
import { useT } from "../i18n/language-context.js";
import type { SlidesClient } from "../slides/slides-client.js";
import { COMPACT_QUERY, useMedia } from "./use-media.js";
import "./touch.css";

/** The panels a phone shows one at a time, each as a sheet over the scene (see touch.css). */
const SHEETS = ["people", "tools", "chat", "slides", "more"] as const;
export type Sheet = (typeof SHEETS)[number];

const WORDS = {
  people: "touch.people",
  tools: "touch.tools",
  chat: "touch.chat",
  slides: "touch.slides",
  more: "touch.more",
} as const satisfies Record<Sheet, MessageKey>;

/**
 * On a phone or small tablet (either way round): a bar of finger-sized buttons, each opening one
 * panel as a sheet (people; voice, timer, board tools and polls; chat and facilitation; the presenter's
 * slides; language and how to move), one at a time, never over the walking stick or the hand and
 * reaction buttons; a closed sheet's button is marked when it holds an unanswered question or unseen
 * messages. The open sheet is `data-sheet` on the root element; touch.css does the rest.
 */
export function TouchBar({ slides }: { slides: SlidesClient }) {
  const t = useT();
  const compact = useMedia(COMPACT_QUERY);
  const canPage = useStore(slides.ui, (s) => s.canPage);
  const [open, setOpen] = useState<Sheet | null>(null);
  const shown = open === "slides" && !canPage ? null : open;
  // What a closed sheet holds for you: a question not yet answered (Tools), messages not yet seen (Chat).
  const asked = usePollsUi((s) => {
    const poll = currentPoll(s.polls);
    return poll !== undefined && !s.mine[poll.id];
  });
  const messages = useChat((s) => s.entries.length);
  const [seen, setSeen] = useState(messages);
  useEffect(() => {
    if (shown === "chat") setSeen(messages);
  }, [shown, messages]);
  const unread = shown === "chat" ? 0 : Math.max(0, messages - seen);
  const note: Partial<Record<Sheet, string>> = {
    ...(asked && shown !== "tools" ? { tools: t("touch.asked") } : {}),
    ...(unread > 0 ? { chat: t("touch.unread", { count: unread }) } : {}),
  };

  useEffect(() => {
    const root = document.documentElement;
    if (compact && shown) root.dataset.sheet = shown;
    else delete root.dataset.sheet;
    // the Chat button means the chat: unfold it (its panel stays the chat feature's, folded or not)
    if (compact && shown === "chat") root.querySelector(".hud-dock-right details.chat")?.setAttribute("open", "");
    return () => {
      delete root.dataset.sheet;
    };
  }, [compact, shown]);

  if (!compact) return null;
  return (
    <>
      <nav className="hud touch-bar" aria-label={t("touch.bar")}>
        {SHEETS.filter((s) => s !== "slides" || canPage).map((s) => (
          <button key={s} type="button" aria-pressed={shown === s} aria-description={note[s]} title={note[s]} onClick={() => setOpen(shown === s ? null : s)}>
            {t(WORDS[s])}
            {note[s] && (
              <span className="touch-badge" data-testid={`touch-badge-${s}`} aria-hidden>
                {s === "chat" ? unread : "?"}
              </span>
            )}
          </button>
        ))}
      </nav>
      {shown === "more" && (
        <section className="hud touch-more" aria-label={t("touch.more")}>
          <p>{t("touch.help")}</p>
          <LanguagePicker className="field" />
        </section>
      )}
    </>
  );
}
