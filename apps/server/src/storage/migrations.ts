import { type Kysely, type Migration, type MigrationProvider } from "kysely";

export type Dialect = "sqlite" | "postgres";

/**
 * Versioned schema changes, applied in name order on start (Kysely's Migrator records them in
 * `kysely_migration`). Never edit a released migration: add the next one.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const bigint = dialect === "postgres" ? "bigint" : "integer";
  return {
    "0001_sessions_documents_settings": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("sessions")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("room", "text", (c) => c.notNull())
          .addColumn("language", "text", (c) => c.notNull())
          .addColumn("starts_at", bigint)
          .addColumn("ends_at", bigint)
          .addColumn("created_at", bigint, (c) => c.notNull())
          .addColumn("ended_at", bigint)
          .addColumn("participant_link_version", "integer", (c) => c.notNull().defaultTo(1))
          .addColumn("facilitator_link_version", "integer", (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema
          .createTable("session_documents")
          .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
          .addColumn("collection", "text", (c) => c.notNull())
          .addColumn("key", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("updated_at", bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint("session_documents_pk", ["session_id", "collection", "key"])
          .execute();
        await db.schema
          .createTable("session_events")
          .addColumn("id", dialect === "postgres" ? "bigserial" : "integer", (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
          .addColumn("stream", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("at", bigint, (c) => c.notNull())
          .execute();
        await db.schema.createIndex("session_events_stream").on("session_events").columns(["session_id", "stream", "id"]).execute();
        await db.schema
          .createTable("settings")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("value", "text", (c) => c.notNull())
          .execute();
      },
    },
    "0002_whiteboard_ops": {
      // One row per accepted whiteboard operation, replayed in id order to rebuild boards and undo stacks.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("board_ops")
          .addColumn("id", dialect === "postgres" ? "bigserial" : "integer", (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
          .addColumn("board_id", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("at", bigint, (c) => c.notNull())
          .execute();
        await db.schema.createIndex("board_ops_session").on("board_ops").columns(["session_id", "id"]).execute();
      },
    },
    "0003_board_snapshots": {
      // Compaction: one saved board state per board, covering its ops up to `up_to_op_id` (those are
      // deleted in the same transaction); loading is the snapshot plus the ops after it.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("board_snapshots")
          .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
          .addColumn("board_id", "text", (c) => c.notNull())
          .addColumn("up_to_op_id", bigint, (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("at", bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint("board_snapshots_pk", ["session_id", "board_id"])
          .execute();
      },
    },
    "0004_xapi_queue": {
      // Learning-record statements waiting for (or delivered to) the LRS: the id is the statement's own,
      // so queuing one twice keeps one row; sent_at stays null until the LRS accepted it.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("xapi_queue")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("created_at", bigint, (c) => c.notNull())
          .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("next_at", bigint, (c) => c.notNull())
          .addColumn("sent_at", bigint)
          .execute();
        await db.schema.createIndex("xapi_queue_due").on("xapi_queue").columns(["sent_at", "next_at"]).execute();
      },
    },
    "0005_session_retention": {
      // Days a session's personal data is kept (the training record's retention); null: the server's RECORD_RETENTION_DAYS.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("sessions").addColumn("retention_days", "integer").execute();
      },
    },
    "0006_session_ask_email": {
      // Whether the join screen asks for an email, for the learning record's xAPI actor; null: it does not.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("sessions").addColumn("ask_email", "integer").execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
