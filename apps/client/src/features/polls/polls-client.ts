import { PollsMessage, PollsServerMessage, type PollCreateMessage, type PollsMinePayload, type PollsStatePayload, type PollView, type TrainingState } from "@otc/contract";
import { can } from "@otc/roles";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";

export interface PollsUiState extends PollsStatePayload {
  mine: PollsMinePayload;
  /** This person may run polls (facilitator or co-facilitator). */
  moderator: boolean;
}

/** An answer as sent: option indexes (rating: value − 1) or text. */
export type PollAnswerInput = { choices: number[] } | { text: string };

/**
 * The polls of one joined room on this page: mirrors the server's public view and this person's
 * own answers into a store (shared by the desktop panel, the VR tab and the screen chart), and
 * sends what the facilitator and the person do. The server decides; nothing is shown before it says so.
 */
export class PollsClient {
  readonly ui: StoreApi<PollsUiState>;
  /** When the last public view arrived (ms, performance.now): for the bench and tests. */
  receivedAt = 0;
  private readonly detach: Array<() => void> = [];

  constructor(private readonly room: TrainingRoom) {
    this.ui = createStore<PollsUiState>()(() => ({ polls: [], screens: {}, leaderboard: [], mine: {}, moderator: false }));
    this.detach.push(
      room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => {
        this.receivedAt = performance.now();
        this.ui.setState({ polls: s.polls, screens: s.screens, leaderboard: s.leaderboard });
      }),
      room.onMessage(PollsServerMessage.mine, (m: PollsMinePayload) => this.ui.setState({ mine: m })),
    );
    const sync = (state: TrainingState) => {
      const moderator = can(state.participants?.get(room.sessionId)?.role ?? "participant", "moderate");
      if (moderator !== this.ui.getState().moderator) this.ui.setState({ moderator });
    };
    sync(room.state);
    room.onStateChange(sync);
    this.detach.push(() => room.onStateChange.remove(sync));
    room.send(PollsMessage.pollsSync, {}); // after the handlers listen: the server answers with everything
  }

  create(draft: Omit<PollCreateMessage, "launch" | "screenId">, launch: boolean, screenId: string | null): void {
    this.room.send(PollsMessage.create, { ...draft, launch, screenId } satisfies PollCreateMessage);
  }

  launch(pollId: string, screenId: string | null): void {
    this.room.send(PollsMessage.launch, { pollId, screenId });
  }

  close(pollId: string): void {
    this.room.send(PollsMessage.close, { pollId });
  }

  show(screenId: string, pollId: string | null, view: "results" | "leaderboard" = "results"): void {
    this.room.send(PollsMessage.show, { screenId, pollId, view });
  }

  answer(pollId: string, answer: PollAnswerInput): void {
    this.room.send(PollsMessage.answer, { pollId, ...answer });
  }

  dispose(): void {
    for (const d of this.detach) d();
  }
}

/** The question people are asked now: the most recently opened one still open. */
export function currentPoll(polls: readonly PollView[]): PollView | undefined {
  return polls.filter((p) => p.status === "open").at(-1);
}
