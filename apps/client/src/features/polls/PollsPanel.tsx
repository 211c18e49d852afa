import { POLL_KINDS, POLL_OPTIONS_MAX, type PollKind, type PollView } from "@otc/contract";
import { useState } from "react";
import { useSession } from "../../session-context.js";
import { PollAnswer } from "./PollAnswer.js";
import { usePolls, usePollsUi } from "./use-polls.js";
import "./polls.css";

/** Words of the facilitator's poll panel, gathered for the catalogues. */
export const PANEL_TEXT = {
  heading: "Polls",
  show: "Show polls",
  hide: "Hide",
  question: "Question",
  kind: "Kind",
  kinds: { single: "Single choice", multiple: "Multiple choice", rating: "Rating 1–5", text: "Open text (word cloud)" } satisfies Record<PollKind, string>,
  options: "Options, one per line",
  correct: "Correct option numbers (quiz), e.g. 2 or 1,3",
  anonymous: "Anonymous",
  screen: "Results on screen",
  noScreen: "No screen",
  launch: "Launch",
  draft: "Save for later",
  close: "Close",
  onScreen: "Show on screen",
  leaderboard: "Leaderboard on screen",
  clear: "Clear screen",
  status: { draft: "prepared", open: "open", closed: "closed" } satisfies Record<PollView["status"], string>,
} as const;

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
    <section className="hud polls-panel" aria-label={PANEL_TEXT.heading} onKeyDown={stopKeys}>
      {live.map((p) => (
        <PollAnswer key={p.id} poll={p} />
      ))}
      {moderator && (
        <button type="button" className="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? PANEL_TEXT.hide : PANEL_TEXT.show}
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
              {PANEL_TEXT.question}
              <input value={question} maxLength={200} onChange={(e) => setQuestion(e.target.value)} />
            </label>
            <label>
              {PANEL_TEXT.kind}
              <select value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
                {POLL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {PANEL_TEXT.kinds[k]}
                  </option>
                ))}
              </select>
            </label>
            {(kind === "single" || kind === "multiple") && (
              <label>
                {PANEL_TEXT.options}
                <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
              </label>
            )}
            {kind !== "text" && (
              <label>
                {PANEL_TEXT.correct}
                <input value={correct} maxLength={20} onChange={(e) => setCorrect(e.target.value)} />
              </label>
            )}
            <label className="poll-check">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              {PANEL_TEXT.anonymous}
            </label>
            <label>
              {PANEL_TEXT.screen}
              <select value={screenId} onChange={(e) => setScreenId(e.target.value)}>
                <option value="">{PANEL_TEXT.noScreen}</option>
                {layout.screens.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id}
                  </option>
                ))}
              </select>
            </label>
            <div className="poll-options">
              <button type="submit" disabled={!question.trim()}>
                {PANEL_TEXT.launch}
              </button>
              <button type="button" disabled={!question.trim()} onClick={() => create(false)}>
                {PANEL_TEXT.draft}
              </button>
            </div>
          </form>
          <ul className="poll-list">
            {list.map((p) => (
              <li key={p.id} data-poll-row={p.id}>
                <span className="poll-row-title">{p.question}</span>
                <span className="badge">{PANEL_TEXT.status[p.status]}</span>
                {p.status === "draft" && (
                  <button type="button" className="small" onClick={() => polls.launch(p.id, screenId || null)}>
                    {PANEL_TEXT.launch}
                  </button>
                )}
                {p.status === "open" && (
                  <button type="button" className="small" onClick={() => polls.close(p.id)}>
                    {PANEL_TEXT.close}
                  </button>
                )}
                {p.status !== "draft" && screenId && screens[screenId]?.pollId !== p.id && (
                  <button type="button" className="small" onClick={() => polls.show(screenId, p.id)}>
                    {PANEL_TEXT.onScreen}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {screenId && (
            <div className="poll-options">
              <button type="button" className="small" onClick={() => polls.show(screenId, list.at(-1)?.id ?? null, "leaderboard")} disabled={list.length === 0}>
                {PANEL_TEXT.leaderboard}
              </button>
              <button type="button" className="small" onClick={() => polls.show(screenId, null)} disabled={!screens[screenId]}>
                {PANEL_TEXT.clear}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
