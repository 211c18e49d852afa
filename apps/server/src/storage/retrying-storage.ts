import type { KyselyStorage } from "./kysely-storage.js";
import type { BoardOpRecord, BoardSnapshotRecord, DocumentRecord, EventRecord, QueuedStatement, QueuedStatementInput, RetentionClock, SessionRecord, Storage } from "./storage.js";

/** How long and how often a call keeps trying while the database is unreachable. */
export interface RetryPolicy {
  /** First wait, doubled after each failure up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Past this much time since the first failure the call fails for real (a room then refuses the change). */
  budgetMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  log(line: string): void;
}

export const DEFAULT_RETRY: RetryPolicy = {
  firstDelayMs: 100,
  maxDelayMs: 2_000,
  budgetMs: 60_000, // minute-long outages (a failover, a restart) are ridden out; longer ones surface as refusals
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  log: (line) => console.warn(line),
};

/** Errors that say the statement never reached a working server, so running it again cannot double it. */
const NOT_RUN = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "57P03", "53300", "08001", "08004"]);
/** Errors that mean the connection died, possibly after the statement committed. */
const CONNECTION_LOST = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "08000", "08003", "08006"]);

export type Failure = "not-run" | "ambiguous" | "fatal";

/** Sorts a database error: worth retrying, and whether the write may already have landed. */
export function classify(e: unknown): Failure {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && NOT_RUN.has(code)) return "not-run";
  if (typeof code === "string" && CONNECTION_LOST.has(code)) return "ambiguous";
  const message = e instanceof Error ? e.message : "";
  if (/Connection terminated|not queryable|connection timeout|Connection ended/i.test(message)) return "ambiguous";
  return "fatal";
}

/**
 * Storage over PostgreSQL that rides out the database going away: every call is retried with a
 * bounded exponential backoff while the error says the server is unreachable, so its promise
 * resolves only once the write is committed (the Storage contract) or the budget is spent.
 * Constraint violations and other real errors fail at once. An append whose connection died
 * mid-flight may have committed: before sending it again we look for the exact row, so a retry
 * never stores an operation twice.
 */
export class RetryingStorage implements Storage {
  readonly dialect: "sqlite" | "postgres";
  private lastNote = Number.NEGATIVE_INFINITY;
  private quietened = 0;

  constructor(
    private readonly inner: Storage & Pick<KyselyStorage, "findEvent" | "findBoardOp">,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.dialect = inner.dialect;
  }

  private async retry<T>(what: string, run: () => Promise<T>, landed?: () => Promise<{ value: T } | undefined>): Promise<T> {
    let delay = this.policy.firstDelayMs;
    let firstFailure: number | undefined;
    let maybeLanded = false;
    for (let attempt = 1; ; attempt++) {
      try {
        if (maybeLanded && landed) {
          const found = await landed();
          if (found) return found.value;
        }
        const result = await run();
        if (firstFailure !== undefined) this.note(`storage: database back, ${what} stored after ${attempt} attempts (${this.policy.now() - firstFailure} ms)`);
        return result;
      } catch (e) {
        const kind = classify(e);
        firstFailure ??= this.policy.now();
        const waited = this.policy.now() - firstFailure;
        if (kind === "fatal" || waited >= this.policy.budgetMs) throw e;
        if (kind === "ambiguous") maybeLanded = true;
        this.note(`storage: database unreachable (${describe(e)}), retrying ${what} in ${delay} ms (attempt ${attempt}, ${waited} ms so far)`);
        await this.policy.sleep(delay);
        delay = Math.min(this.policy.maxDelayMs, delay * 2);
      }
    }
  }

  /** At most one line a second: a busy room's writes would otherwise print one line each per attempt. */
  private note(line: string): void {
    const now = this.policy.now();
    if (now - this.lastNote < 1000) {
      this.quietened++;
      return;
    }
    this.policy.log(this.quietened > 0 ? `${line} (+${this.quietened} similar lines)` : line);
    this.lastNote = now;
    this.quietened = 0;
  }

  rewriteEvents(sessionId: string, bodies: readonly { id: number; body: unknown }[]): Promise<void> {
    return this.retry("rewriteEvents", () => this.inner.rewriteEvents(sessionId, bodies)); // same bodies again: harmless
  }
  // Queuing is idempotent by statement id; marking sent or deferring may repeat harmlessly.
  queueStatements(rows: readonly QueuedStatementInput[]): Promise<number> {
    return this.retry("queueStatements", () => this.inner.queueStatements(rows));
  }
  dueStatements(now: number, limit: number): Promise<QueuedStatement[]> {
    return this.retry("dueStatements", () => this.inner.dueStatements(now, limit));
  }
  markStatementsSent(ids: readonly string[], at: number): Promise<void> {
    return this.retry("markStatementsSent", () => this.inner.markStatementsSent(ids, at));
  }
  deferStatements(ids: readonly string[], nextAt: number): Promise<void> {
    return this.retry("deferStatements", () => this.inner.deferStatements(ids, nextAt));
  }
  pendingStatements(): Promise<number> {
    return this.retry("pendingStatements", () => this.inner.pendingStatements());
  }
  // Retention reads, and deletes by age: repeating one deletes nothing more.
  expiredPeople(streams: readonly string[], clock: RetentionClock, unlessPrefix: string, limit: number, skipSessions?: readonly string[]): Promise<{ sessionId: string; personId: string }[]> {
    return this.retry("expiredPeople", () => this.inner.expiredPeople(streams, clock, unlessPrefix, limit, skipSessions));
  }
  expiredDocuments<T>(collections: readonly string[], clock: RetentionClock, unlessField: string, limit: number): Promise<(DocumentRecord<T> & { sessionId: string })[]> {
    return this.retry("expiredDocuments", () => this.inner.expiredDocuments<T>(collections, clock, unlessField, limit));
  }
  deleteExpiredStatements(clock: RetentionClock): Promise<number> {
    return this.retry("deleteExpiredStatements", () => this.inner.deleteExpiredStatements(clock));
  }

  createSession(s: SessionRecord): Promise<void> {
    return this.retry("createSession", () => this.inner.createSession(s), async () => ((await this.inner.getSession(s.id)) ? { value: undefined } : undefined));
  }
  getSession(id: string): Promise<SessionRecord | undefined> {
    return this.retry("getSession", () => this.inner.getSession(id));
  }
  listSessions(): Promise<SessionRecord[]> {
    return this.retry("listSessions", () => this.inner.listSessions());
  }
  endSession(id: string, at: number): Promise<SessionRecord | undefined> {
    return this.retry("endSession", () => this.inner.endSession(id, at)); // idempotent
  }
  setSessionAskEmail(id: string, ask: boolean): Promise<SessionRecord | undefined> {
    return this.retry("setSessionAskEmail", () => this.inner.setSessionAskEmail(id, ask)); // idempotent
  }
  setSessionRetention(id: string, days: number | null): Promise<SessionRecord | undefined> {
    return this.retry("setSessionRetention", () => this.inner.setSessionRetention(id, days)); // idempotent
  }
  bumpLinkVersion(id: string, kind: "participant" | "facilitator"): Promise<SessionRecord | undefined> {
    // A doubled bump only invalidates links once more: harmless, and safer than none.
    return this.retry("bumpLinkVersion", () => this.inner.bumpLinkVersion(id, kind));
  }
  putDocument(sessionId: string, collection: string, key: string, body: unknown, at: number): Promise<number> {
    return this.retry("putDocument", () => this.inner.putDocument(sessionId, collection, key, body, at)); // same body again: same document
  }
  getDocument<T>(sessionId: string, collection: string, key: string): Promise<DocumentRecord<T> | undefined> {
    return this.retry("getDocument", () => this.inner.getDocument<T>(sessionId, collection, key));
  }
  listDocuments<T>(sessionId: string, collection: string): Promise<DocumentRecord<T>[]> {
    return this.retry("listDocuments", () => this.inner.listDocuments<T>(sessionId, collection));
  }
  deleteDocument(sessionId: string, collection: string, key: string): Promise<boolean> {
    return this.retry("deleteDocument", () => this.inner.deleteDocument(sessionId, collection, key));
  }
  appendEvent(sessionId: string, stream: string, body: unknown, at: number): Promise<number> {
    return this.retry("appendEvent", () => this.inner.appendEvent(sessionId, stream, body, at), async () => found(await this.inner.findEvent(sessionId, stream, body, at)));
  }
  listEvents<T>(sessionId: string, stream: string): Promise<EventRecord<T>[]> {
    return this.retry("listEvents", () => this.inner.listEvents<T>(sessionId, stream));
  }
  appendBoardOp(sessionId: string, boardId: string, body: unknown, at: number): Promise<number> {
    return this.retry("appendBoardOp", () => this.inner.appendBoardOp(sessionId, boardId, body, at), async () => found(await this.inner.findBoardOp(sessionId, boardId, body, at)));
  }
  listBoardOps<T>(sessionId: string): Promise<BoardOpRecord<T>[]> {
    return this.retry("listBoardOps", () => this.inner.listBoardOps<T>(sessionId));
  }
  putBoardSnapshot(sessionId: string, boardId: string, upToOpId: number, body: unknown, at: number): Promise<void> {
    return this.retry("putBoardSnapshot", () => this.inner.putBoardSnapshot(sessionId, boardId, upToOpId, body, at)); // one transaction, idempotent
  }
  listBoardSnapshots<T>(sessionId: string): Promise<BoardSnapshotRecord<T>[]> {
    return this.retry("listBoardSnapshots", () => this.inner.listBoardSnapshots<T>(sessionId));
  }
  getSetting(key: string): Promise<string | undefined> {
    return this.retry("getSetting", () => this.inner.getSetting(key));
  }
  putSetting(key: string, value: string): Promise<void> {
    return this.retry("putSetting", () => this.inner.putSetting(key, value));
  }
  deleteSetting(key: string): Promise<void> {
    return this.retry("deleteSetting", () => this.inner.deleteSetting(key));
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

function describe(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  return typeof code === "string" ? `${code}: ${message}` : message;
}

const found = (id: number | undefined): { value: number } | undefined => (id === undefined ? undefined : { value: id });
