import { POLL_OPTION_MAX, POLL_QUESTION_MAX, POLL_TEXT_MAX, WORD_CLOUD_MAX, type LeaderboardRow, type PollDraft, type PollKind, type PollView } from "@otc/contract";
import { cleanText } from "./clean-text.js";
import { wordCloud } from "./word-cloud.js";

/** Ratings run 1..5; stored as choice 0..4. */
export const RATING_STEPS = 5;
/** Rows the leaderboard shows. */
export const LEADERBOARD_ROWS = 10;

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A question with its lifecycle: draft → open → closed (closed is final: its results are frozen). */
export interface Poll {
  id: string;
  question: string;
  kind: PollKind;
  options: string[];
  anonymous: boolean;
  correct: number[];
  status: "draft" | "open" | "closed";
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
}

/** One person's answer to one poll (the latest replaces the earlier). Names are kept for named polls only. */
export interface PollAnswer {
  pollId: string;
  personId: string;
  name: string;
  choices?: number[];
  text?: string;
  at: number;
}

const choiceCount = (kind: PollKind, options: readonly string[]) => (kind === "rating" ? RATING_STEPS : kind === "text" ? 0 : options.length);

/** Cleans and checks a draft; the poll it makes is a draft until launched. */
export function makePoll(id: string, draft: PollDraft, now: number): Outcome<Poll> {
  const question = cleanText(draft.question, POLL_QUESTION_MAX);
  if (!question) return fail("a question needs some text");
  const options = draft.kind === "single" || draft.kind === "multiple" ? draft.options.map((o) => cleanText(o, POLL_OPTION_MAX)).filter((o) => o.length > 0) : [];
  if ((draft.kind === "single" || draft.kind === "multiple") && options.length < 2) return fail("a choice question needs at least two options");
  const n = choiceCount(draft.kind, options);
  const correct = [...new Set(draft.correct)].sort((a, b) => a - b);
  if (correct.some((c) => c >= n)) return fail("a correct answer must be one of the options");
  if (draft.kind === "single" && correct.length > 1) return fail("a single-choice quiz has one correct answer");
  return { ok: true, value: { id, question, kind: draft.kind, options, anonymous: draft.anonymous, correct, status: "draft", createdAt: now, openedAt: null, closedAt: null } };
}

export function launchPoll(poll: Poll, now: number): Outcome<Poll> {
  if (poll.status === "open") return fail("that question is already open");
  if (poll.status === "closed") return fail("that question is closed; its results are final");
  return { ok: true, value: { ...poll, status: "open", openedAt: now } };
}

export function closePoll(poll: Poll, now: number): Outcome<Poll> {
  if (poll.status !== "open") return fail("only an open question can be closed");
  return { ok: true, value: { ...poll, status: "closed", closedAt: now } };
}

/** Checks one answer against its poll (open, right shape, text cleaned); the caller stores it, then `PollBook.putAnswer`. */
export function checkAnswer(poll: Poll, who: { personId: string; name: string }, raw: { choices?: number[] | undefined; text?: string | undefined }, now: number): Outcome<PollAnswer> {
  if (poll.status !== "open") return fail(poll.status === "closed" ? "this question is closed" : "this question has not been launched");
  const base = { pollId: poll.id, personId: who.personId, name: poll.anonymous ? "" : who.name, at: now };
  if (poll.kind === "text") {
    const text = cleanText(raw.text ?? "", POLL_TEXT_MAX);
    if (!text) return fail("an answer needs some text");
    return { ok: true, value: { ...base, text } };
  }
  const choices = [...new Set(raw.choices ?? [])].sort((a, b) => a - b);
  const n = choiceCount(poll.kind, poll.options);
  if (choices.length === 0) return fail("choose an answer");
  if (choices.some((c) => c >= n)) return fail("that is not one of the options");
  if (poll.kind !== "multiple" && choices.length > 1) return fail("this question takes one answer");
  return { ok: true, value: { ...base, choices } };
}

/** Whether an answer to a quiz question is right (every correct option and nothing else). */
export function isCorrect(poll: Poll, answer: PollAnswer): boolean {
  if (poll.correct.length === 0 || !answer.choices) return false;
  return answer.choices.length === poll.correct.length && answer.choices.every((c, i) => c === poll.correct[i]);
}

/**
 * Every poll of a session and one answer per person per poll (keyed by person id, so a reconnect
 * or a second tab is the same person). Holds no clock and no storage: the room feature checks,
 * stores, then puts.
 */
export class PollBook {
  private readonly polls = new Map<string, Poll>();
  private readonly answers = new Map<string, Map<string, PollAnswer>>();

  get(id: string): Poll | undefined {
    return this.polls.get(id);
  }

  all(): Poll[] {
    return [...this.polls.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  size(): number {
    return this.polls.size;
  }

  put(poll: Poll): void {
    this.polls.set(poll.id, poll);
  }

  /** Replaces this person's earlier answer to the same poll. */
  putAnswer(answer: PollAnswer): void {
    let m = this.answers.get(answer.pollId);
    if (!m) this.answers.set(answer.pollId, (m = new Map()));
    m.set(answer.personId, answer);
  }

  answersOf(pollId: string): PollAnswer[] {
    return [...(this.answers.get(pollId)?.values() ?? [])];
  }

  answerOf(pollId: string, personId: string): PollAnswer | undefined {
    return this.answers.get(pollId)?.get(personId);
  }

  /** What everyone sees of a poll: counts per option or the word cloud, never who answered what. */
  view(poll: Poll): PollView {
    const answers = this.answersOf(poll.id);
    const counts = new Array<number>(choiceCount(poll.kind, poll.options)).fill(0);
    for (const a of answers) for (const c of a.choices ?? []) counts[c] = (counts[c] ?? 0) + 1;
    const words = poll.kind === "text" ? wordCloud(answers.map((a) => a.text ?? ""), WORD_CLOUD_MAX) : [];
    return {
      id: poll.id,
      question: poll.question,
      kind: poll.kind,
      options: poll.options,
      anonymous: poll.anonymous,
      quiz: poll.correct.length > 0,
      correct: poll.status === "closed" ? poll.correct : [],
      status: poll.status,
      counts,
      responses: answers.length,
      words,
    };
  }

  /** Correct answers per named person over closed quiz questions, best first (ties by name). */
  leaderboard(): LeaderboardRow[] {
    const rows = new Map<string, LeaderboardRow>();
    for (const poll of this.polls.values()) {
      if (poll.status !== "closed" || poll.anonymous || poll.correct.length === 0) continue;
      for (const a of this.answersOf(poll.id)) {
        const row = rows.get(a.personId) ?? { name: a.name, score: 0 };
        row.score += isCorrect(poll, a) ? 1 : 0;
        rows.set(a.personId, row);
      }
    }
    return [...rows.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, LEADERBOARD_ROWS);
  }
}
