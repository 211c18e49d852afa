import { POLLS_MAX, type PollAnswerMessage, type PollCloseMessage, type PollCreateMessage, type PollLaunchMessage, type PollShowMessage, type PollsMinePayload, type PollsStatePayload, type RejectionCode } from "@otc/contract";
import { PollBook, checkAnswer, closePoll, launchPoll, makePoll, type Poll, type PollAnswer } from "@otc/polls";
import { can } from "@otc/roles";
import type { Roster } from "../participants/roster.js";
import type { PollScreenDoc, PollStore } from "./poll-store.js";

/** Coalescing window of results broadcasts, ms: 150 answers in a burst make a few broadcasts, not 150 × 150 messages. */
export const POLLS_BROADCAST_MS = 40;

/** Answer timings kept (the bench's sample). */
const ANSWER_SAMPLES = 10_000;

/** Why a message was refused: counted and told to its sender by the room. */
export interface PollRefusal {
  code: RejectionCode;
  detail: string;
}

export interface PollsDeps {
  roster: Roster;
  store: PollStore;
  screenIds: readonly string[];
  now: () => number;
  newId: () => string;
  /** Sends the whole public view to everyone. */
  broadcast: (payload: PollsStatePayload) => void;
  sendState: (id: string, payload: PollsStatePayload) => void;
  /** Sends one connection its own answers. */
  sendMine: (id: string, payload: PollsMinePayload) => void;
}

const refuse = (code: RejectionCode, detail: string): PollRefusal => ({ code, detail });
const NOT_FACILITATOR = "only a facilitator or co-facilitator can run polls";

/**
 * Polls of one room: facilitators create, launch, close and put results on screens; everyone
 * answers once per poll (again to change it, until closed). Every change is stored first, then
 * shown: the public view (tallies, never who answered what) goes to everyone, coalesced; each
 * person's own answers go to them alone. Changes run one at a time, in arrival order.
 */
export class PollsFeature {
  readonly book = new PollBook();
  /** Server time of each answer handled (checked, stored, tallied), ms: the bench reads it. */
  readonly answerMs: number[] = [];
  private screens = new Map<string, PollScreenDoc>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: PollsDeps) {}

  /** Puts back every poll, answer and screen (after a restart, or drafts prepared in the console). */
  async restore(): Promise<void> {
    const { store } = this.deps;
    for (const p of await store.polls()) this.book.put(p);
    for (const a of await store.answers()) if (this.book.get(a.pollId)) this.book.putAnswer(a);
    this.screens = await store.screens();
  }

  /** A facilitator's arrival re-reads drafts the console may have added while the room ran. */
  join(id: string): Promise<void> {
    return this.serial(async () => {
      const who = this.deps.roster.get(id);
      if (who && can(who.role, "moderate")) {
        for (const p of await this.deps.store.polls()) if (!this.book.get(p.id)) this.book.put(p);
        this.scheduleBroadcast();
      }
    });
  }

  /** Sends one connection the public view and its own answers (after every queued change). */
  sync(id: string): Promise<void> {
    return this.serial(async () => {
      const identity = this.deps.roster.identity(id);
      if (!identity) return;
      this.deps.sendState(id, this.state());
      this.deps.sendMine(id, this.mine(identity.personId));
    });
  }

  /** The current public view (sent on join before any change). */
  state(): PollsStatePayload {
    const screens: PollsStatePayload["screens"] = {};
    for (const [sid, doc] of this.screens) screens[sid] = doc;
    return { polls: this.book.all().map((p) => this.book.view(p)), screens, leaderboard: this.book.leaderboard() };
  }

  create(id: string, msg: PollCreateMessage): Promise<PollRefusal | undefined> {
    return this.serial(async () => {
      if (!this.moderator(id)) return refuse("not-allowed", NOT_FACILITATOR);
      if (this.book.size() >= POLLS_MAX) return refuse("invalid-message", `a session keeps at most ${POLLS_MAX} questions`);
      const made = makePoll(this.deps.newId(), msg, this.deps.now());
      if (!made.ok) return refuse("invalid-message", made.reason);
      let poll = made.value;
      if (msg.launch) {
        const open = launchPoll(poll, this.deps.now());
        if (open.ok) poll = open.value;
      }
      if (!(await this.savePoll(poll))) return refuse("storage-failed", "");
      if (msg.launch && msg.screenId) await this.setScreen(msg.screenId, { pollId: poll.id, view: "results" });
      this.scheduleBroadcast();
      return undefined;
    });
  }

  launch(id: string, msg: PollLaunchMessage): Promise<PollRefusal | undefined> {
    return this.transition(id, msg.pollId, launchPoll, msg.screenId);
  }

  close(id: string, msg: PollCloseMessage): Promise<PollRefusal | undefined> {
    return this.transition(id, msg.pollId, closePoll, null);
  }

  answer(id: string, msg: PollAnswerMessage): Promise<PollRefusal | undefined> {
    return this.serial(async () => {
      const t0 = performance.now();
      const refused = await this.takeAnswer(id, msg);
      if (this.answerMs.length < ANSWER_SAMPLES) this.answerMs.push(performance.now() - t0);
      return refused;
    });
  }

  private async takeAnswer(id: string, msg: PollAnswerMessage): Promise<PollRefusal | undefined> {
    const who = this.deps.roster.get(id);
    const identity = this.deps.roster.identity(id);
    if (!who || !identity) return refuse("not-allowed", "join the session first");
    const poll = this.book.get(msg.pollId);
    if (!poll) return refuse("invalid-message", "no such question");
    const checked = checkAnswer(poll, { personId: identity.personId, name: who.name }, msg, this.deps.now());
    if (!checked.ok) return refuse("invalid-message", checked.reason);
    if (!(await this.save(() => this.deps.store.putAnswer(checked.value, this.deps.now())))) return refuse("storage-failed", "");
    this.book.putAnswer(checked.value);
    this.deps.sendMine(id, this.mine(identity.personId));
    this.scheduleBroadcast();
    return undefined;
  }

  show(id: string, msg: PollShowMessage): Promise<PollRefusal | undefined> {
    return this.serial(async () => {
      if (!this.moderator(id)) return refuse("not-allowed", NOT_FACILITATOR);
      if (!this.deps.screenIds.includes(msg.screenId)) return refuse("invalid-message", `this room has no screen "${msg.screenId}"`);
      if (msg.pollId !== null && !this.book.get(msg.pollId)) return refuse("invalid-message", "no such question");
      if (!(await this.setScreen(msg.screenId, msg.pollId === null ? null : { pollId: msg.pollId, view: msg.view }))) return refuse("storage-failed", "");
      this.scheduleBroadcast();
      return undefined;
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  /** A person's own answers, by poll id. */
  mine(personId: string): PollsMinePayload {
    const out: PollsMinePayload = {};
    for (const p of this.book.all()) {
      const a: PollAnswer | undefined = this.book.answerOf(p.id, personId);
      if (a) out[p.id] = a.text !== undefined ? { text: a.text } : { choices: a.choices ?? [] };
    }
    return out;
  }

  private transition(id: string, pollId: string, step: (p: Poll, now: number) => { ok: true; value: Poll } | { ok: false; reason: string }, screenId: string | null) {
    return this.serial(async () => {
      if (!this.moderator(id)) return refuse("not-allowed", NOT_FACILITATOR);
      const poll = this.book.get(pollId);
      if (!poll) return refuse("invalid-message", "no such question");
      if (screenId && !this.deps.screenIds.includes(screenId)) return refuse("invalid-message", `this room has no screen "${screenId}"`);
      const next = step(poll, this.deps.now());
      if (!next.ok) return refuse("invalid-message", next.reason);
      if (!(await this.savePoll(next.value))) return refuse("storage-failed", "");
      if (screenId) await this.setScreen(screenId, { pollId, view: "results" });
      this.scheduleBroadcast();
      return undefined;
    });
  }

  private moderator(id: string): boolean {
    const who = this.deps.roster.get(id);
    return !!who && can(who.role, "moderate");
  }

  private async savePoll(poll: Poll): Promise<boolean> {
    if (!(await this.save(() => this.deps.store.putPoll(poll, this.deps.now())))) return false;
    this.book.put(poll);
    return true;
  }

  private async setScreen(screenId: string, doc: PollScreenDoc | null): Promise<boolean> {
    if (!(await this.save(() => this.deps.store.putScreen(screenId, doc, this.deps.now())))) return false;
    if (doc) this.screens.set(screenId, doc);
    else this.screens.delete(screenId);
    return true;
  }

  private async save(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch {
      return false;
    }
  }

  private scheduleBroadcast(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.deps.broadcast(this.state());
    }, POLLS_BROADCAST_MS);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
