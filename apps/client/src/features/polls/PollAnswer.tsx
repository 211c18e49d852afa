import { POLL_TEXT_MAX, type PollView } from "@otc/contract";
import { useState } from "react";
import { useT } from "../i18n/language-context.js";
import { usePolls, usePollsUi } from "./use-polls.js";

/** One open question and its answer controls (desktop); the server keeps one answer per person, replaced when sent again. */
export function PollAnswer({ poll }: { poll: PollView }) {
  const polls = usePolls();
  const t = useT();
  const mine = usePollsUi((s) => s.mine[poll.id]);
  const [picked, setPicked] = useState<number[]>([]);
  const [text, setText] = useState("");
  const choose = (choices: number[]) => polls.answer(poll.id, { choices });
  const labels = poll.kind === "rating" ? ["1", "2", "3", "4", "5"] : poll.options;
  const mineText = mine?.text ?? mine?.choices?.map((c) => labels[c]).join(", ");
  return (
    <div className="poll-question" data-poll={poll.id}>
      <div className="poll-title">{poll.question}</div>
      <div className="poll-meta">
        {[poll.anonymous ? t("polls.anonymous") : t("polls.named"), poll.quiz ? t("polls.quiz") : null, t("polls.soFar", { count: poll.responses })].filter(Boolean).join(" · ")}
      </div>
      {(poll.kind === "single" || poll.kind === "rating") && (
        <div className="poll-options">
          {labels.map((label, i) => (
            <button key={i} type="button" aria-pressed={mine?.choices?.includes(i) ?? false} aria-label={poll.kind === "rating" ? t("polls.rating", { n: i + 1 }) : label} onClick={() => choose([i])}>
              {label}
            </button>
          ))}
        </div>
      )}
      {poll.kind === "multiple" && (
        <div className="poll-options">
          {labels.map((label, i) => (
            <label key={i} className="poll-check">
              <input type="checkbox" checked={picked.includes(i)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, i] : p.filter((x) => x !== i)))} />
              {label}
            </label>
          ))}
          <button type="button" disabled={picked.length === 0} onClick={() => choose(picked)}>
            {mine ? t("polls.change") : t("polls.send")}
          </button>
        </div>
      )}
      {poll.kind === "text" && (
        <form
          className="poll-options"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) polls.answer(poll.id, { text });
            setText("");
          }}
        >
          <input aria-label={poll.question} value={text} maxLength={POLL_TEXT_MAX} placeholder={t("polls.textPlaceholder")} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
          <button type="submit" disabled={!text.trim()}>
            {mine ? t("polls.change") : t("polls.send")}
          </button>
        </form>
      )}
      {mineText !== undefined && (
        <div className="poll-mine">
          {t("polls.yours", { answer: mineText })}
        </div>
      )}
    </div>
  );
}
