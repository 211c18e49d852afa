import type { ChatEntry } from "@otc/contract";
import { isCorrect } from "@otc/polls";
import type { Storage } from "../../../storage/storage.js";
import { CHAT_COLLECTION } from "../../chat/chat-room-feature.js";
import { PollStore } from "../../polls/poll-store.js";
import { earnsCertificate, loadRecordSettings, RECORD_COLLECTION } from "../certificates.js";
import { sessionReport } from "../report-service.js";
import { sessionStatements } from "./xapi-statements.js";

const QUEUED_KEY = "xapi-queued";

export interface XapiRecorderDeps {
  storage: Storage;
  now: () => number;
  mergeGapMs: number;
  homePage: () => string;
  log: (line: string) => void;
}

/**
 * Queues the learning record of every ended session once: its statements go into the durable queue
 * (keyed by their stable ids, so a crash between queuing and the "queued" mark only queues the same
 * rows again, which the queue ignores), then the session is marked.
 */
export class XapiRecorder {
  constructor(private readonly deps: XapiRecorderDeps) {}

  /** Queues every ended session not queued yet; returns how many statements were new. */
  async queueEnded(): Promise<number> {
    const { storage } = this.deps;
    let added = 0;
    for (const session of await storage.listSessions()) {
      if (session.endedAt === null || (await storage.getDocument(session.id, RECORD_COLLECTION, QUEUED_KEY))) continue;
      const [{ report }, settings, chat, polls, answers] = await Promise.all([
        sessionReport(session, this.deps),
        loadRecordSettings(storage, session.id),
        storage.listDocuments<{ entry: ChatEntry }>(session.id, CHAT_COLLECTION),
        new PollStore(storage, session.id).polls(),
        new PollStore(storage, session.id).answers(),
      ]);
      const byId = new Map(polls.map((p) => [p.id, p]));
      const statements = sessionStatements({
        homePage: this.deps.homePage(),
        session: { id: session.id, title: session.title, language: session.language, endedAt: session.endedAt },
        report,
        completed: (row) => earnsCertificate(row, settings),
        quizPassSet: settings.quizPass !== null,
        answers: answers.flatMap((a) => {
          const poll = byId.get(a.pollId);
          if (!poll) return [];
          const response = a.text ?? (a.choices ?? []).join("[,]");
          return [{ personId: a.personId, pollId: a.pollId, question: poll.question, response, success: poll.correct.length > 0 ? isCorrect(poll, a) : null, at: a.at }];
        }),
        comments: chat.map((d) => ({ personId: d.body.entry.fromPerson, id: d.body.entry.id, at: d.body.entry.at })),
      });
      added += await storage.queueStatements(statements.map((s) => ({ id: s.id, sessionId: session.id, body: s.statement, at: this.deps.now() })));
      await storage.putDocument(session.id, RECORD_COLLECTION, QUEUED_KEY, { statements: statements.length }, this.deps.now());
      this.deps.log(`xapi: queued ${statements.length} statements of session ${session.id}`);
    }
    return added;
  }
}
