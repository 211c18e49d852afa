import type { Language } from "@otc/contract";
import { sql, type Kysely, type Selectable } from "kysely";
import type { Database } from "./database.js";
import type { BoardOpRecord, BoardSnapshotRecord, DocumentRecord, EventRecord, QueuedStatement, QueuedStatementInput, RetentionClock, SessionRecord, Storage } from "./storage.js";

type SessionRow = Selectable<Database["sessions"]>;
const DAY = 86_400_000; // ms

/**
 * The time before which a row of `table` has expired: now minus its session's own retention days,
 * else the server's; NULL (nothing expires) when neither is set. Cast to bigint: days × ms overflow int4.
 */
function cutoff(table: "session_events" | "session_documents" | "xapi_queue", clock: RetentionClock) {
  const days = sql`coalesce((select s.retention_days from sessions s where s.id = ${sql.ref(`${table}.session_id`)}), ${clock.defaultDays})`;
  return sql<number>`${clock.now} - cast(${days} as bigint) * ${DAY}`;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    title: row.title,
    room: row.room,
    language: row.language as Language,
    schedule: row.starts_at !== null && row.ends_at !== null ? { startsAt: Number(row.starts_at), endsAt: Number(row.ends_at) } : null,
    createdAt: Number(row.created_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    linkVersions: { participant: row.participant_link_version, facilitator: row.facilitator_link_version },
    retentionDays: row.retention_days,
    askEmail: row.ask_email === 1,
  };
}

/** The one Storage implementation; the dialect (SQLite or PostgreSQL) is chosen by whoever opens the Kysely instance. */
export class KyselyStorage implements Storage {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: "sqlite" | "postgres",
  ) {}

  async createSession(s: SessionRecord): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({
        id: s.id,
        title: s.title,
        room: s.room,
        language: s.language,
        starts_at: s.schedule?.startsAt ?? null,
        ends_at: s.schedule?.endsAt ?? null,
        created_at: s.createdAt,
        ended_at: s.endedAt,
        participant_link_version: s.linkVersions.participant,
        facilitator_link_version: s.linkVersions.facilitator,
        retention_days: s.retentionDays ?? null,
        ask_email: s.askEmail ? 1 : null,
      })
      .execute();
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async listSessions(): Promise<SessionRecord[]> {
    const rows = await this.db.selectFrom("sessions").selectAll().orderBy("created_at", "desc").orderBy("id").execute();
    return rows.map(toRecord);
  }

  async endSession(id: string, at: number): Promise<SessionRecord | undefined> {
    await this.db.updateTable("sessions").set({ ended_at: at }).where("id", "=", id).where("ended_at", "is", null).execute();
    return this.getSession(id);
  }

  async setSessionRetention(id: string, days: number | null): Promise<SessionRecord | undefined> {
    await this.db.updateTable("sessions").set({ retention_days: days }).where("id", "=", id).execute();
    return this.getSession(id);
  }

  async setSessionAskEmail(id: string, ask: boolean): Promise<SessionRecord | undefined> {
    await this.db.updateTable("sessions").set({ ask_email: ask ? 1 : null }).where("id", "=", id).execute();
    return this.getSession(id);
  }

  async bumpLinkVersion(id: string, kind: "participant" | "facilitator"): Promise<SessionRecord | undefined> {
    const column = kind === "participant" ? "participant_link_version" : "facilitator_link_version";
    await this.db
      .updateTable("sessions")
      .set((eb) => ({ [column]: eb(column, "+", 1) }))
      .where("id", "=", id)
      .execute();
    return this.getSession(id);
  }

  async putDocument(sessionId: string, collection: string, key: string, body: unknown, at: number): Promise<number> {
    const row = await this.db
      .insertInto("session_documents")
      .values({ session_id: sessionId, collection, key, body: JSON.stringify(body), version: 1, updated_at: at })
      .onConflict((oc) =>
        oc.columns(["session_id", "collection", "key"]).doUpdateSet((eb) => ({
          body: eb.ref("excluded.body"),
          updated_at: eb.ref("excluded.updated_at"),
          version: eb("session_documents.version", "+", 1),
        })),
      )
      .returning("version")
      .executeTakeFirstOrThrow();
    return row.version;
  }

  async getDocument<T>(sessionId: string, collection: string, key: string): Promise<DocumentRecord<T> | undefined> {
    const row = await this.db
      .selectFrom("session_documents")
      .selectAll()
      .where("session_id", "=", sessionId)
      .where("collection", "=", collection)
      .where("key", "=", key)
      .executeTakeFirst();
    return row ? { collection, key, body: JSON.parse(row.body) as T, version: row.version, updatedAt: Number(row.updated_at) } : undefined;
  }

  async listDocuments<T>(sessionId: string, collection: string): Promise<DocumentRecord<T>[]> {
    const rows = await this.db
      .selectFrom("session_documents")
      .selectAll()
      .where("session_id", "=", sessionId)
      .where("collection", "=", collection)
      .orderBy("key")
      .execute();
    return rows.map((r) => ({ collection, key: r.key, body: JSON.parse(r.body) as T, version: r.version, updatedAt: Number(r.updated_at) }));
  }

  async deleteDocument(sessionId: string, collection: string, key: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("session_documents")
      .where("session_id", "=", sessionId)
      .where("collection", "=", collection)
      .where("key", "=", key)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async appendEvent(sessionId: string, stream: string, body: unknown, at: number): Promise<number> {
    const row = await this.db
      .insertInto("session_events")
      .values({ session_id: sessionId, stream, body: JSON.stringify(body), at })
      .returning("id")
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** The id of an event stored with exactly this body and time, if any (a retry's check that its first try landed). */
  async findEvent(sessionId: string, stream: string, body: unknown, at: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("session_events")
      .select("id")
      .where("session_id", "=", sessionId)
      .where("stream", "=", stream)
      .where("at", "=", at)
      .where("body", "=", JSON.stringify(body))
      .executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  async listEvents<T>(sessionId: string, stream: string): Promise<EventRecord<T>[]> {
    const rows = await this.db
      .selectFrom("session_events")
      .selectAll()
      .where("session_id", "=", sessionId)
      .where("stream", "=", stream)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ id: Number(r.id), stream, body: JSON.parse(r.body) as T, at: Number(r.at) }));
  }

  async appendBoardOp(sessionId: string, boardId: string, body: unknown, at: number): Promise<number> {
    const row = await this.db
      .insertInto("board_ops")
      .values({ session_id: sessionId, board_id: boardId, body: JSON.stringify(body), at })
      .returning("id")
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** Like `findEvent`, for a board operation. */
  async findBoardOp(sessionId: string, boardId: string, body: unknown, at: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("board_ops")
      .select("id")
      .where("session_id", "=", sessionId)
      .where("board_id", "=", boardId)
      .where("at", "=", at)
      .where("body", "=", JSON.stringify(body))
      .executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  async listBoardOps<T>(sessionId: string): Promise<BoardOpRecord<T>[]> {
    const rows = await this.db.selectFrom("board_ops").selectAll().where("session_id", "=", sessionId).orderBy("id").execute();
    return rows.map((r) => ({ id: Number(r.id), boardId: r.board_id, body: JSON.parse(r.body) as T, at: Number(r.at) }));
  }

  async putBoardSnapshot(sessionId: string, boardId: string, upToOpId: number, body: unknown, at: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto("board_snapshots")
        .values({ session_id: sessionId, board_id: boardId, up_to_op_id: upToOpId, body: JSON.stringify(body), at })
        .onConflict((oc) =>
          oc
            .columns(["session_id", "board_id"])
            .doUpdateSet((eb) => ({ up_to_op_id: eb.ref("excluded.up_to_op_id"), body: eb.ref("excluded.body"), at: eb.ref("excluded.at") }))
            .where("board_snapshots.up_to_op_id", "<", upToOpId),
        )
        .execute();
      await tx.deleteFrom("board_ops").where("session_id", "=", sessionId).where("board_id", "=", boardId).where("id", "<=", upToOpId).execute();
    });
  }

  async listBoardSnapshots<T>(sessionId: string): Promise<BoardSnapshotRecord<T>[]> {
    const rows = await this.db.selectFrom("board_snapshots").selectAll().where("session_id", "=", sessionId).orderBy("board_id").execute();
    return rows.map((r) => ({ boardId: r.board_id, upToOpId: Number(r.up_to_op_id), body: JSON.parse(r.body) as T, at: Number(r.at) }));
  }

  async rewriteEvents(sessionId: string, bodies: readonly { id: number; body: unknown }[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const b of bodies) await tx.updateTable("session_events").set({ body: JSON.stringify(b.body) }).where("session_id", "=", sessionId).where("id", "=", b.id).execute();
    });
  }

  async queueStatements(rows: readonly QueuedStatementInput[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const values = rows.slice(i, i + 200).map((r) => ({ id: r.id, session_id: r.sessionId, body: JSON.stringify(r.body), created_at: r.at, next_at: r.at, sent_at: null }));
      const result = await this.db.insertInto("xapi_queue").values(values).onConflict((oc) => oc.column("id").doNothing()).executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  async dueStatements(now: number, limit: number): Promise<QueuedStatement[]> {
    const rows = await this.db.selectFrom("xapi_queue").select(["id", "body", "attempts"]).where("sent_at", "is", null).where("next_at", "<=", now).orderBy("created_at").orderBy("id").limit(limit).execute();
    return rows.map((r) => ({ id: r.id, body: JSON.parse(r.body) as unknown, attempts: Number(r.attempts) }));
  }

  async markStatementsSent(ids: readonly string[], at: number): Promise<void> {
    if (ids.length > 0) await this.db.updateTable("xapi_queue").set({ sent_at: at }).where("id", "in", [...ids]).execute();
  }

  async deferStatements(ids: readonly string[], nextAt: number): Promise<void> {
    if (ids.length > 0) await this.db.updateTable("xapi_queue").set((eb) => ({ next_at: nextAt, attempts: eb("attempts", "+", 1) })).where("id", "in", [...ids]).execute();
  }

  async pendingStatements(): Promise<number> {
    const row = await this.db.selectFrom("xapi_queue").select((eb) => eb.fn.countAll<number>().as("n")).where("sent_at", "is", null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async expiredPeople(streams: readonly string[], clock: RetentionClock, unlessPrefix: string, limit: number, skipSessions: readonly string[] = []): Promise<{ sessionId: string; personId: string }[]> {
    if (streams.length === 0) return [];
    const person = this.jsonText("session_events", "personId");
    const rows = await this.db
      .selectFrom("session_events")
      .select([sql<string>`session_id`.as("session_id"), person.as("person_id")])
      .where("stream", "in", [...streams])
      .$if(skipSessions.length > 0, (q) => q.where("session_id", "not in", [...skipSessions]))
      .where(person, "is not", null)
      .where(person, "not like", `${unlessPrefix}%`)
      .groupBy(["session_id", person])
      .having((eb) => eb(eb.fn.max("at"), "<", cutoff("session_events", clock)))
      .orderBy("session_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ sessionId: r.session_id, personId: String(r.person_id) }));
  }

  async expiredDocuments<T>(collections: readonly string[], clock: RetentionClock, unlessField: string, limit: number): Promise<(DocumentRecord<T> & { sessionId: string })[]> {
    if (collections.length === 0) return [];
    const rows = await this.db
      .selectFrom("session_documents")
      .selectAll()
      .where("collection", "in", [...collections])
      .where("updated_at", "<", cutoff("session_documents", clock))
      .where(this.jsonText("session_documents", unlessField), "is", null)
      .orderBy("session_id")
      .orderBy("key")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ sessionId: r.session_id, collection: r.collection, key: r.key, body: JSON.parse(r.body) as T, version: r.version, updatedAt: Number(r.updated_at) }));
  }

  /**
   * A top-level field of a row's JSON body, as text (NULL when absent), in this dialect. The field is
   * a literal, not a parameter: PostgreSQL only matches a GROUP BY expression written identically.
   */
  private jsonText(table: "session_events" | "session_documents", field: string) {
    if (!/^[A-Za-z]+$/.test(field)) throw new Error(`not a field name: ${field}`);
    const body = sql.ref(`${table}.body`);
    return this.dialect === "postgres" ? sql<string | null>`(${body}::json ->> ${sql.lit(field)})` : sql<string | null>`json_extract(${body}, ${sql.lit(`$.${field}`)})`;
  }

  async deleteExpiredStatements(clock: RetentionClock): Promise<number> {
    const r = await this.db.deleteFrom("xapi_queue").where("sent_at", "is not", null).where("sent_at", "<", cutoff("xapi_queue", clock)).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return row?.value;
  }

  async putSetting(key: string, value: string): Promise<void> {
    await this.db
      .insertInto("settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
      .execute();
  }

  async deleteSetting(key: string): Promise<void> {
    await this.db.deleteFrom("settings").where("key", "=", key).execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
