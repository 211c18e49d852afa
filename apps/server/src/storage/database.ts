import type { Generated } from "kysely";

/**
 * Tables as Kysely sees them. Times are ms since the epoch (int8 in PostgreSQL, integer in SQLite);
 * JSON bodies are text in both dialects so the two behave byte-for-byte the same.
 */
export interface Database {
  sessions: {
    id: string;
    title: string;
    room: string;
    language: string;
    starts_at: number | null;
    ends_at: number | null;
    created_at: number;
    ended_at: number | null;
    participant_link_version: number;
    facilitator_link_version: number;
    /** Days its personal data is kept; null: the server default (migration 0005). */
    retention_days: number | null;
    /** 1: the join screen asks for an email (xAPI mbox); null: it does not (migration 0006). */
    ask_email: number | null;
  };
  /** Latest value of each document (a role, a board, a deck position), keyed inside its session. */
  session_documents: {
    session_id: string;
    collection: string;
    key: string;
    body: string;
    version: number;
    updated_at: number;
  };
  /** Append-only streams (attendance, later whiteboard operations), ordered by id. */
  session_events: {
    id: Generated<number>;
    session_id: string;
    stream: string;
    body: string;
    at: number;
  };
  /** Whiteboard operations as accepted, per session and board, in order (see features/whiteboard). */
  board_ops: {
    id: Generated<number>;
    session_id: string;
    board_id: string;
    body: string;
    at: number;
  };
  /** Compaction snapshots: a board's saved state covering its ops up to up_to_op_id (see features/whiteboard). */
  board_snapshots: {
    session_id: string;
    board_id: string;
    up_to_op_id: number;
    body: string;
    at: number;
  };
  /** xAPI statements queued for the LRS (features/record/xapi). */
  xapi_queue: {
    id: string;
    session_id: string;
    body: string;
    created_at: number;
    attempts: Generated<number>;
    next_at: number;
    sent_at: number | null;
  };
  /** Server-wide values: the link-signing secret, the pending admin sign-in token. */
  settings: {
    key: string;
    value: string;
  };
}
