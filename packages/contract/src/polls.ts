import { z } from "zod";

/** Poll sizes: what a question, an option and an open answer may hold (characters, after cleaning). */
export const POLL_QUESTION_MAX = 200;
export const POLL_OPTION_MAX = 80;
export const POLL_OPTIONS_MAX = 8;
export const POLL_TEXT_MAX = 60;
/** Most polls one session keeps (prepared, open and closed). */
export const POLLS_MAX = 100;
/** Words a word cloud shows at most. */
export const WORD_CLOUD_MAX = 40;

export const POLL_KINDS = ["single", "multiple", "rating", "text"] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const POLL_ID_PATTERN = /^[a-z0-9-]{1,40}$/;
const pollId = z.string().regex(POLL_ID_PATTERN);
const screenId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);

/** A question as a facilitator writes it (live in the room or ahead of time in the console). */
export const pollDraftSchema = z.object({
  question: z.string().min(1).max(POLL_QUESTION_MAX * 2),
  kind: z.enum(POLL_KINDS),
  /** single/multiple: the choices; rating: ignored (1–5); text: ignored. */
  options: z.array(z.string().max(POLL_OPTION_MAX * 2)).max(POLL_OPTIONS_MAX),
  anonymous: z.boolean(),
  /** Quiz: indexes of the correct options (single/multiple) or ratings minus 1; empty = not a quiz. */
  correct: z.array(z.number().int().min(0).max(POLL_OPTIONS_MAX)).max(POLL_OPTIONS_MAX).default([]),
});
export type PollDraft = z.infer<typeof pollDraftSchema>;

/** Client → server poll messages. Every one is a document change except nothing: polls have no presence. */
export const PollsMessage = {
  create: "polls.create",
  launch: "polls.launch",
  close: "polls.close",
  answer: "polls.answer",
  show: "polls.show",
  /** Send me the polls and my answers (a page asks once its handlers are listening), payload `{}`. */
  pollsSync: "polls.sync",
} as const;
export const pollSyncMessageSchema = z.object({});

/** Create a question (kept as a draft until launched, or launched at once). */
export const pollCreateMessageSchema = pollDraftSchema.extend({ launch: z.boolean().default(false), screenId: screenId.nullable().default(null) });
export type PollCreateMessage = z.infer<typeof pollCreateMessageSchema>;
/** Open a prepared (or reopen nothing: a closed poll stays closed) question; its chart goes on `screenId`. */
export const pollLaunchMessageSchema = z.object({ pollId, screenId: screenId.nullable().default(null) });
export type PollLaunchMessage = z.infer<typeof pollLaunchMessageSchema>;
export const pollCloseMessageSchema = z.object({ pollId });
export type PollCloseMessage = z.infer<typeof pollCloseMessageSchema>;
/** One person's answer: `choices` (option indexes; rating: value − 1) or `text`. Sending again replaces it. */
export const pollAnswerMessageSchema = z.object({
  pollId,
  choices: z.array(z.number().int().min(0).max(POLL_OPTIONS_MAX)).max(POLL_OPTIONS_MAX).optional(),
  text: z.string().max(POLL_TEXT_MAX * 4).optional(),
});
export type PollAnswerMessage = z.infer<typeof pollAnswerMessageSchema>;
/** What a screen shows over its slides: a poll's results, the quiz leaderboard, or nothing (`pollId: null`). */
export const pollShowMessageSchema = z.object({ screenId, pollId: pollId.nullable(), view: z.enum(["results", "leaderboard"]).default("results") });
export type PollShowMessage = z.infer<typeof pollShowMessageSchema>;

/** A poll as everyone sees it: its tallies, never who answered what. */
export interface PollView {
  id: string;
  question: string;
  kind: PollKind;
  options: string[];
  anonymous: boolean;
  /** A quiz question (has correct answers); `correct` is only sent once it is closed. */
  quiz: boolean;
  correct: number[];
  status: "draft" | "open" | "closed";
  /** Per option (rating: 5 entries for 1..5); empty for text. */
  counts: number[];
  /** People who answered. */
  responses: number;
  /** Text polls: [word, count], most frequent first, at most WORD_CLOUD_MAX. */
  words: [string, number][];
}

/** One row of the quiz leaderboard (named polls only). */
export interface LeaderboardRow {
  name: string;
  score: number;
}

/** Server → client: every poll of the session (the whole view; sent on join and after changes, coalesced). */
export interface PollsStatePayload {
  polls: PollView[];
  /** What each screen shows over its slides. */
  screens: Record<string, { pollId: string; view: "results" | "leaderboard" }>;
  leaderboard: LeaderboardRow[];
}

/** Server → one client: that person's own answers, by poll id. */
export type PollsMinePayload = Record<string, { choices?: number[]; text?: string }>;

export const PollsServerMessage = { state: "polls.state", mine: "polls.mine" } as const;

/** Console: prepared polls and the CSV export, `GET|POST /api/sessions/<id>/polls`, `GET …/polls.csv`. */
export const consolePollSchema = pollDraftSchema;
