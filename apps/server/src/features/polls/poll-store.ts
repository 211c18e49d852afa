import type { Poll, PollAnswer } from "@otc/polls";
import type { Storage } from "../../storage/storage.js";

/** Collections of a session's polls (keyed by poll id), answers (`<poll>~<person>`) and what screens show (by screen id). */
export const POLLS_COLLECTION = "polls";
export const POLL_ANSWERS_COLLECTION = "poll-answers";
export const POLL_SCREENS_COLLECTION = "poll-screens";

export interface PollScreenDoc {
  pollId: string;
  view: "results" | "leaderboard";
}

/** Reads and writes a session's poll documents; the room and the console both go through it. */
export class PollStore {
  constructor(
    private readonly storage: Storage,
    private readonly sessionId: string,
  ) {}

  async polls(): Promise<Poll[]> {
    return (await this.storage.listDocuments<Poll>(this.sessionId, POLLS_COLLECTION)).map((d) => d.body);
  }

  async answers(): Promise<PollAnswer[]> {
    return (await this.storage.listDocuments<PollAnswer>(this.sessionId, POLL_ANSWERS_COLLECTION)).map((d) => d.body);
  }

  async screens(): Promise<Map<string, PollScreenDoc>> {
    const docs = await this.storage.listDocuments<PollScreenDoc | { pollId: null }>(this.sessionId, POLL_SCREENS_COLLECTION);
    return new Map(docs.flatMap((d) => (d.body.pollId ? [[d.key, d.body as PollScreenDoc] as const] : [])));
  }

  putPoll(poll: Poll, at: number): Promise<number> {
    return this.storage.putDocument(this.sessionId, POLLS_COLLECTION, poll.id, poll, at);
  }

  putAnswer(answer: PollAnswer, at: number): Promise<number> {
    return this.storage.putDocument(this.sessionId, POLL_ANSWERS_COLLECTION, `${answer.pollId}~${answer.personId}`, answer, at);
  }

  putScreen(screenId: string, doc: PollScreenDoc | null, at: number): Promise<unknown> {
    return doc ? this.storage.putDocument(this.sessionId, POLL_SCREENS_COLLECTION, screenId, doc, at) : this.storage.deleteDocument(this.sessionId, POLL_SCREENS_COLLECTION, screenId);
  }
}
