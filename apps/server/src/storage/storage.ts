import type { LinkKind, SessionSummary } from "@otc/contract";

/** A session as stored. Link versions count regenerations: a link signed for an older version is refused. */
export interface SessionRecord extends Omit<SessionSummary, "links"> {
  linkVersions: Record<LinkKind, number>;
  /** Days the training record keeps its personal data (null or absent: the server's RECORD_RETENTION_DAYS). */
  retentionDays?: number | null;
  /** Whether the join screen asks for an email (optional to give), used as the person's xAPI mbox. */
  askEmail?: boolean;
}

/** When personal data expires: older than its session's own retention days, else `defaultDays` (null: kept). */
export interface RetentionClock {
  now: number;
  defaultDays: number | null;
}

export interface DocumentRecord<T = unknown> {
  collection: string;
  key: string;
  body: T;
  /** 1 on first write, +1 on each overwrite. */
  version: number;
  updatedAt: number;
}

export interface EventRecord<T = unknown> {
  id: number;
  stream: string;
  body: T;
  at: number;
}

/** One accepted whiteboard operation as stored. */
export interface BoardOpRecord<T = unknown> {
  id: number;
  boardId: string;
  body: T;
  at: number;
}

/** A board's saved state, standing in for its operations up to and including `upToOpId`. */
export interface BoardSnapshotRecord<T = unknown> {
  boardId: string;
  upToOpId: number;
  body: T;
  at: number;
}

export interface QueuedStatementInput {
  id: string;
  sessionId: string;
  body: unknown;
  at: number;
}

export interface QueuedStatement {
  id: string;
  body: unknown;
  attempts: number;
}

/**
 * Everything the server keeps across restarts: sessions, their documents (anything a person made
 * or decided) and event streams, and server settings. Presence is never stored. Every write has
 * reached the disk (SQLite: committed with synchronous=FULL; PostgreSQL: committed) when its
 * promise resolves, so a room acknowledges a change only after awaiting it.
 */
export interface Storage {
  readonly dialect: "sqlite" | "postgres";

  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  /** Newest first. */
  listSessions(): Promise<SessionRecord[]>;
  /** Marks the session ended (idempotent: the first end time is kept). */
  endSession(id: string, at: number): Promise<SessionRecord | undefined>;
  /** Sets the session's own retention (days; null: the server default); returns the session. */
  setSessionRetention(id: string, days: number | null): Promise<SessionRecord | undefined>;
  /** Sets whether the join screen asks for an email; returns the session. */
  setSessionAskEmail(id: string, ask: boolean): Promise<SessionRecord | undefined>;
  /** Invalidates every link of that kind issued so far; returns the session with its new version. */
  bumpLinkVersion(id: string, kind: LinkKind): Promise<SessionRecord | undefined>;

  /** Creates or replaces a document; returns its new version. */
  putDocument(sessionId: string, collection: string, key: string, body: unknown, at: number): Promise<number>;
  getDocument<T>(sessionId: string, collection: string, key: string): Promise<DocumentRecord<T> | undefined>;
  /** In key order. */
  listDocuments<T>(sessionId: string, collection: string): Promise<DocumentRecord<T>[]>;
  deleteDocument(sessionId: string, collection: string, key: string): Promise<boolean>;

  /** Appends to a stream; returns the event id (increasing). */
  appendEvent(sessionId: string, stream: string, body: unknown, at: number): Promise<number>;
  /** In append order. */
  listEvents<T>(sessionId: string, stream: string): Promise<EventRecord<T>[]>;
  /** Replaces the bodies of stored events (by id, within the session): erasing a person keeps the event, not who. */
  rewriteEvents(sessionId: string, bodies: readonly { id: number; body: unknown }[]): Promise<void>;

  /** Appends an accepted whiteboard operation; returns its id (increasing across the session). */
  appendBoardOp(sessionId: string, boardId: string, body: unknown, at: number): Promise<number>;
  /** Every board operation of a session still stored (those after each board's snapshot), all boards, in append order. */
  listBoardOps<T>(sessionId: string): Promise<BoardOpRecord<T>[]>;
  /**
   * Compacts a board: stores its state as of operation `upToOpId` and deletes its operations up to
   * that id, in one transaction. An older snapshot than the one stored is ignored.
   */
  putBoardSnapshot(sessionId: string, boardId: string, upToOpId: number, body: unknown, at: number): Promise<void>;
  listBoardSnapshots<T>(sessionId: string): Promise<BoardSnapshotRecord<T>[]>;

  /** Queues xAPI statements by their own id; one already queued (sent or not) is left as it is. Returns how many were new. */
  queueStatements(rows: readonly QueuedStatementInput[]): Promise<number>;
  /** Unsent statements whose next attempt is due, oldest first. */
  dueStatements(now: number, limit: number): Promise<QueuedStatement[]>;
  markStatementsSent(ids: readonly string[], at: number): Promise<void>;
  /** Puts statements back for a later attempt (one more attempt counted). */
  deferStatements(ids: readonly string[], nextAt: number): Promise<void>;
  /** Unsent statements in all (for operators and tests). */
  pendingStatements(): Promise<number>;

  /**
   * Retention: up to `limit` people still named in these streams (a `personId` not starting with
   * `unlessPrefix`) whose newest event there is older than their session's cutoff, in every session
   * but those in `skipSessions`.
   */
  expiredPeople(streams: readonly string[], clock: RetentionClock, unlessPrefix: string, limit: number, skipSessions?: readonly string[]): Promise<{ sessionId: string; personId: string }[]>;
  /** Retention: up to `limit` documents of these collections last written before their session's cutoff whose body has no `unlessField`. */
  expiredDocuments<T>(collections: readonly string[], clock: RetentionClock, unlessField: string, limit: number): Promise<(DocumentRecord<T> & { sessionId: string })[]>;
  /** Retention: deletes xAPI statements sent before their session's cutoff (unsent ones stay); returns how many. */
  deleteExpiredStatements(clock: RetentionClock): Promise<number>;

  getSetting(key: string): Promise<string | undefined>;
  putSetting(key: string, value: string): Promise<void>;
  deleteSetting(key: string): Promise<void>;

  close(): Promise<void>;
}
