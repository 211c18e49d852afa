import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStorage } from "@otc/server/src/storage/open-storage.ts";
import { startTestPostgres } from "@otc/server/src/test-support/postgres.ts";

export interface StorageWriteCost {
  dialect: "sqlite" | "postgres";
  writes: number;
  /** Latency of one durable document write (what a room waits before acknowledging), ms. */
  putDocumentMs: { p50: number; p99: number };
  appendEventMs: { p50: number; p99: number };
}

const pct = (xs: number[], p: number) => +[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(3);

/** Durable write latency of the embedded SQLite (synchronous=FULL) and, when it can start, a local PostgreSQL. */
export async function storageWrites(writes = 400): Promise<StorageWriteCost[]> {
  const out: StorageWriteCost[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "otc-bench-storage-"));
  const pg = await startTestPostgres();
  try {
    const targets: Array<{ databaseUrl?: string }> = [{}];
    if (pg.ok) targets.push({ databaseUrl: await pg.postgres.createDatabase(`bench_${Date.now()}`) });
    else console.warn(`storage bench: PostgreSQL skipped (${pg.reason})`);
    for (const t of targets) {
      const storage = await openStorage({ dataDir: dir, databaseUrl: t.databaseUrl });
      await storage.createSession({ id: "bench", title: "Bench", room: "training-room", language: "en", schedule: null, createdAt: 0, endedAt: null, linkVersions: { participant: 1, facilitator: 1 } }).catch(() => undefined);
      const puts: number[] = [];
      const appends: number[] = [];
      for (let i = 0; i < writes; i++) {
        let t0 = performance.now();
        await storage.putDocument("bench", "roles", `person-${i % 50}`, { role: i % 2 ? "co-facilitator" : "participant" }, i);
        puts.push(performance.now() - t0);
        t0 = performance.now();
        await storage.appendEvent("bench", "attendance", { personId: `person-${i}`, event: "join" }, i);
        appends.push(performance.now() - t0);
      }
      out.push({ dialect: storage.dialect, writes, putDocumentMs: { p50: pct(puts, 0.5), p99: pct(puts, 0.99) }, appendEventMs: { p50: pct(appends, 0.5), p99: pct(appends, 0.99) } });
      await storage.close();
    }
  } finally {
    if (pg.ok) await pg.postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
