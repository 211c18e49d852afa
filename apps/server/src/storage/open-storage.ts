import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { KyselyStorage } from "./kysely-storage.js";
import { migrationProvider, type Dialect } from "./migrations.js";
import { DEFAULT_RETRY, RetryingStorage, type RetryPolicy } from "./retrying-storage.js";
import type { Storage } from "./storage.js";

export interface StorageConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Where retry notices go while PostgreSQL is unreachable (default: console.warn). */
  log?: (line: string) => void;
  /** Backoff for calls made while PostgreSQL is unreachable (tests shorten it). */
  retry?: Partial<RetryPolicy>;
}

/** File name of the embedded database inside the data directory. */
export const SQLITE_FILE = "otc.sqlite";

const INT8_OID = 20;

/** Opens the configured database and brings its schema up to date (versioned migrations). */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const log = config.log ?? DEFAULT_RETRY.log;
  const { db, dialect } = config.databaseUrl ? openPostgres(config.databaseUrl, log) : openSqlite(config.dataDir);
  try {
    await migrate(db, dialect);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const storage = new KyselyStorage(db, dialect);
  // SQLite is a file in this process: it cannot go away and come back, so only PostgreSQL is retried.
  return dialect === "postgres" ? new RetryingStorage(storage, { ...DEFAULT_RETRY, log, ...config.retry }) : storage;
}

function openSqlite(dataDir: string): { db: Kysely<Database>; dialect: Dialect } {
  mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(path.join(dataDir, SQLITE_FILE));
  file.pragma("journal_mode = WAL");
  // FULL: a commit is on disk before it returns, so an acknowledged change survives kill -9 and power loss.
  file.pragma("synchronous = FULL");
  file.pragma("foreign_keys = ON");
  file.pragma("busy_timeout = 5000");
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) }), dialect: "sqlite" };
}

function openPostgres(url: string, log: (line: string) => void): { db: Kysely<Database>; dialect: Dialect } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // int8 columns (times in ms) come back as numbers; they stay far below 2^53.
    types: { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
  });
  // An idle pooled connection that the server drops (a restart, a failover, a firewall timeout) is
  // reported here; without a listener Node treats it as an uncaught error and the process dies. The
  // pool has already discarded that client, so the next query opens a fresh one.
  pool.on("error", (e) => log(`storage: an idle database connection failed and was dropped (${e.message})`));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres" };
}

async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const what = failed ? `migration ${failed.migrationName}` : "migrations";
    throw new Error(`database ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
