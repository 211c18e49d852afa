import type { PollsMinePayload, PollsStatePayload } from "@otc/contract";
import type { ChartDrawn } from "./chart-draw.js";
import type { PollAnswerInput, PollsClient } from "./polls-client.js";

/** Polls for browser tests and the bench (`window.__otcPolls`): what arrived, what each screen drew, and the messages the panel sends. */
export interface PollsTestHooks {
  state(): PollsStatePayload;
  mine(): PollsMinePayload;
  /** What the chart last drew on each screen, by screen id. */
  drawn(): Record<string, ChartDrawn>;
  receivedAt(): number;
  answer(pollId: string, answer: PollAnswerInput): void;
}

declare global {
  interface Window {
    __otcPolls?: PollsTestHooks;
  }
}

export function installPollsTestHooks(polls: PollsClient, drawn: Map<string, ChartDrawn>): () => void {
  const hooks: PollsTestHooks = {
    state: () => {
      const { polls: list, screens, leaderboard } = polls.ui.getState();
      return { polls: list, screens, leaderboard };
    },
    mine: () => polls.ui.getState().mine,
    drawn: () => Object.fromEntries(drawn),
    receivedAt: () => polls.receivedAt,
    answer: (id, a) => polls.answer(id, a),
  };
  window.__otcPolls = hooks;
  return () => {
    if (window.__otcPolls === hooks) delete window.__otcPolls;
  };
}
