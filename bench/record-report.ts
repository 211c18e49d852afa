import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { reportCsv } from "@otc/record";
import { sessionReport } from "@otc/server/src/features/record/report-service.ts";
import { openStorage } from "@otc/server/src/storage/open-storage.ts";
import type { Storage } from "@otc/server/src/storage/storage.ts";

export interface RecordBench {
  people: number;
  hours: number;
  /** Stored events the report reads (attendance + engagement). */
  events: number;
  /** Server time to compute the report from storage (read, arithmetic), ms. */
  computeMs: { mean: number; min: number; max: number };
  csvMs: number;
  runs: number;
}

const MIN = 60_000;

/**
 * Stores a session of `people` over `hours` as the room would have written it: joins with drops and
 * reconnects, a leave-and-rejoin for a third of them, a heartbeat a minute, and per person a dozen
 * hand raises, reactions, board strokes and talk reports. Returns how many events and when it ran.
 */
export async function seedRecordSession(storage: Storage, id: string, people: number, hours: number): Promise<{ events: number; t0: number; span: number }> {
  const t0 = Date.UTC(2026, 0, 5, 9);
  const span = hours * 60 * MIN;
  await storage.createSession({ id, title: "Bench", room: "auditorium", language: "en", schedule: null, createdAt: t0, endedAt: t0 + span, linkVersions: { participant: 1, facilitator: 1 } });
  let events = 0;
  const add = async (stream: string, body: unknown, at: number) => {
    await storage.appendEvent(id, stream, body, at);
    events++;
  };
  await add("attendance", { event: "open" }, t0);
  for (let m = 1; m < hours * 60; m++) await add("attendance", { event: "alive" }, t0 + m * MIN);
  for (let i = 0; i < people; i++) {
    const personId = `p${i}`;
    const who = { personId, name: `Person ${i}`, role: i === 0 ? "facilitator" : "participant", device: i % 4 === 0 ? "vr" : "desktop" };
    const c = (n: number) => `${personId}-c${n}`;
    await add("attendance", { event: "join", ...who, connection: c(1) }, t0 + (i % 10) * MIN);
    await add("attendance", { event: "drop", personId, connection: c(1) }, t0 + span * 0.3);
    await add("attendance", { event: "reconnect", personId, connection: c(1) }, t0 + span * 0.3 + 10_000);
    if (i % 3 === 0) {
      await add("attendance", { event: "leave", ...who, connection: c(1) }, t0 + span * 0.5);
      await add("attendance", { event: "join", ...who, connection: c(2) }, t0 + span * 0.6);
    }
    for (let k = 0; k < 12; k++) {
      const at = t0 + ((k + 1) / 13) * span;
      for (const kind of ["hand", "reaction", "stroke"]) await add("engagement", { personId, kind }, at);
      await add("engagement", { personId, kind: "talk", amount: 8 }, at);
    }
  }
  return { events, t0, span };
}

/** The session of `seedRecordSession` in a fresh SQLite store; then the report computed `runs` times (mean, min, max) and its CSV once. */
export async function recordBench(people: number, hours: number, runs: number): Promise<RecordBench> {
  const dir = mkdtempSync(path.join(tmpdir(), "otc-bench-record-"));
  const storage = await openStorage({ dataDir: dir });
  try {
    const id = "bench-record";
    const { events, t0, span } = await seedRecordSession(storage, id, people, hours);
    const times: number[] = [];
    let last;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      last = await sessionReport((await storage.getSession(id))!, { storage, now: () => t0 + span, mergeGapMs: 30_000 });
      times.push(performance.now() - start);
    }
    const csvStart = performance.now();
    reportCsv(last!.report);
    const csvMs = performance.now() - csvStart;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    return { people, hours, events, computeMs: { mean: +mean.toFixed(1), min: +Math.min(...times).toFixed(1), max: +Math.max(...times).toFixed(1) }, csvMs: +csvMs.toFixed(1), runs };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
