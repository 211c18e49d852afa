import { POLL_KINDS, POLL_OPTIONS_MAX, type PollKind, type PollView } from "@otc/contract";
import { useState } from "react";
import type { MessageKey } from "@otc/i18n";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { PollAnswer } from "./PollAnswer.js";
import { usePolls, usePollsUi } from "./use-polls.js";
import "./polls.css";

/** The catalogue's name of each kind and status (shared with the console's poll section). */
export const KIND_KEY: Record<PollKind, MessageKey> = { single: "polls.kinds.single", multiple: "polls.kinds.multiple", rating: "polls.kinds.rating", text: "polls.kinds.text" };
export const STATUS_KEY: Record<PollView["status"], MessageKey> = { draft: "polls.status.draft", open: "polls.status.open", closed: "polls.status.closed" };

const parseCorrect = (raw: string) =>
  raw
    .split(/[\s,;]+/)
    .map((s) => Number.parseInt(s, 10) - 1)
    .filter((n) => Number.isInteger(n) && n >= 0);

/**
 * Polls on the desktop: everyone sees the open questions and answers them; a facilitator (or
 * co-facilitator) also writes questions, launches prepared ones, closes them and chooses what a
 * screen shows. Collapsible; in the left column.
 */
export function PollsPanel() {
  const polls = usePolls();
  const t = useT();
  const { layout } = useSession();
  const list = usePollsUi((s) => s.polls);
  const moderator = usePollsUi((s) => s.moderator);
  const screens = usePollsUi((s) => s.screens);
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState("");
  const [kind, setKind] = useState<PollKind>("single");
  const [options, setOptions] = useState("");
  const [correct, setCorrect] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [screenId, setScreenId] = useState(layout.screens[0]?.id ?? "");
  const live = list.filter((p) => p.status === "open");
  if (!moderator && live.length === 0) return null;

  const create = (launch: boolean) => {
    const opts = kind === "single" || kind === "multiple" ? options.split("\n").map((o) => o.trim()).filter(Boolean).slice(0, POLL_OPTIONS_MAX) : [];
    polls.create({ question, kind, options: opts, anonymous, correct: kind === "text" ? [] : parseCorrect(correct) }, launch, screenId || null);
    setQuestion("");
    setOptions("");
    setCorrect("");
  };
  const stopKeys = (e: React.KeyboardEvent) => e.stopPropagation(); // typing is not walking

  return (
    <section className="hud polls-panel" aria-label={t("polls.heading")} onKeyDown={stopKeys}>
      {live.map((p) => (
        <PollAnswer key={p.id} poll={p} />
      ))}
      {moderator && (
        <button type="button" className="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t("polls.hide") : t("polls.show")}
        </button>
      )}
      {moderator && open && (
        <>
          <form
            className="poll-form"
            onSubmit={(e) => {
              e.preventDefault();
              create(true);
            }}
          >
            <label>
              {t("polls.question")}
              <input value={question} maxLength={200} onChange={(e) => setQuestion(e.target.value)} />
            </label>
            <label>
              {t("polls.kind")}
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
                {t("polls.options")}
                <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
              </label>
            )}
            {kind !== "text" && (
              <label>
                {t("polls.correct")}
                <input value={correct} maxLength={20} onChange={(e) => setCorrect(e.target.value)} />
              </label>
            )}
            <label className="poll-check">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              {t("polls.anonymous")}
            </label>
            <label>
              {t("polls.screen")}
              <select value={screenId} onChange={(e) => setScreenId(e.target.value)}>
                <option value="">{t("polls.noScreen")}</option>
                {layout.screens.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id}
                  </option>
                ))}
              </select>
            </label>
            <div className="poll-options">
              <button type="submit" disabled={!question.trim()}>
                {t("polls.launch")}
              </button>
              <button type="button" disabled={!question.trim()} onClick={() => create(false)}>
                {t("polls.draft")}
              </button>
            </div>
          </form>
          <ul className="poll-list">
            {list.map((p) => (
              <li key={p.id} data-poll-row={p.id}>
                <span className="poll-row-title">{p.question}</span>
                <span className="badge">{t(STATUS_KEY[p.status])}</span>
                {p.status === "draft" && (
                  <button type="button" className="small" onClick={() => polls.launch(p.id, screenId || null)}>
                    {t("polls.launch")}
                  </button>
                )}
                {p.status === "open" && (
                  <button type="button" className="small" onClick={() => polls.close(p.id)}>
                    {t("polls.close")}
                  </button>
                )}
                {p.status !== "draft" && screenId && screens[screenId]?.pollId !== p.id && (
                  <button type="button" className="small" onClick={() => polls.show(screenId, p.id)}>
                    {t("polls.onScreen")}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {screenId && (
            <div className="poll-options">
              <button type="button" className="small" onClick={() => polls.show(screenId, list.at(-1)?.id ?? null, "leaderboard")} disabled={list.length === 0}>
                {t("polls.leaderboard")}
              </button>
              <button type="button" className="small" onClick={() => polls.show(screenId, null)} disabled={!screens[screenId]}>
                {t("polls.clear")}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
