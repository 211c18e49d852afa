import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestPostgres, type TestPostgres } from "../test-support/postgres.js";
import { openStorage } from "./open-storage.js";
import type { SessionRecord, Storage } from "./storage.js";

// One suite, two databases: the embedded SQLite default and a real PostgreSQL started here.
let postgres: TestPostgres | undefined;
let postgresSkip = "";
const dirs: string[] = [];

beforeAll(async () => {
  const started = await startTestPostgres();
  if (started.ok) postgres = started.postgres;
  else {
    postgresSkip = started.reason;
    console.warn(`\n!!! PostgreSQL storage tests SKIPPED: ${started.reason} !!!\n`);
  }
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let dbCounter = 0;
const backends: Array<{ name: string; open: () => Promise<Storage | undefined> }> = [
  {
    name: "sqlite",
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "otc-storage-"));
      dirs.push(dir);
      return openStorage({ dataDir: dir });
    },
  },
  {
    name: "postgres",
    open: async () => (postgres ? openStorage({ dataDir: "", databaseUrl: await postgres.createDatabase(`t${++dbCounter}_${Date.now()}`) }) : undefined),
  },
];

const session = (id: string, createdAt: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  title: `Session ${id}`,
  room: "training-room",
  language: "fr",
  schedule: null,
  createdAt,
  endedAt: null,
  linkVersions: { participant: 1, facilitator: 1 },
  retentionDays: null,
  askEmail: false,
  ...extra,
});

describe.each(backends)("storage on $name", ({ name, open }) => {
  let storage: Storage | undefined;
  beforeAll(async () => {
    storage = await open();
    if (!storage) console.warn(`!!! skipping the ${name} storage tests: ${postgresSkip}`);
  });
  beforeEach(({ skip }) => {
    if (!storage) skip(`${name} unavailable: ${postgresSkip}`);
  });
  afterAll(async () => storage?.close());

  it("stores sessions and lists them newest first", async () => {
    await storage!.createSession(session("old", 1000));
    await storage!.createSession(session("new", 2000, { schedule: { startsAt: 5_000, endsAt: 9_000 }, title: "Accueil — été 2027" }));
    const list = await storage!.listSessions();
    expect(list.map((s) => s.id)).toEqual(["new", "old"]);
    expect(await storage!.getSession("new")).toEqual(session("new", 2000, { schedule: { startsAt: 5_000, endsAt: 9_000 }, title: "Accueil — été 2027" }));
    expect(await storage!.getSession("missing")).toBeUndefined();
    expect(await storage!.setSessionAskEmail("old", true)).toMatchObject({ id: "old", askEmail: true });
    expect(await storage!.setSessionAskEmail("old", false)).toMatchObject({ id: "old", askEmail: false });
  });

  it("refuses a second session with the same id", async () => {
    await expect(storage!.createSession(session("old", 3000))).rejects.toThrow();
  });

  it("ends a session once and bumps link versions independently", async () => {
    expect((await storage!.endSession("old", 4000))?.endedAt).toBe(4000);
    expect((await storage!.endSession("old", 5000))?.endedAt).toBe(4000);
    const bumped = await storage!.bumpLinkVersion("new", "participant");
    expect(bumped?.linkVersions).toEqual({ participant: 2, facilitator: 1 });
    expect((await storage!.bumpLinkVersion("new", "facilitator"))?.linkVersions).toEqual({ participant: 2, facilitator: 2 });
    expect(await storage!.bumpLinkVersion("missing", "participant")).toBeUndefined();
  });

  it("creates, versions, lists and deletes documents per session and collection", async () => {
    expect(await storage!.putDocument("new", "roles", "p2", { role: "co-facilitator" }, 10)).toBe(1);
    expect(await storage!.putDocument("new", "roles", "p1", { role: "participant" }, 11)).toBe(1);
    expect(await storage!.putDocument("new", "roles", "p2", { role: "participant" }, 12)).toBe(2);
    await storage!.putDocument("old", "roles", "p2", { role: "co-facilitator" }, 13);
    expect(await storage!.getDocument("new", "roles", "p2")).toEqual({ collection: "roles", key: "p2", body: { role: "participant" }, version: 2, updatedAt: 12 });
    expect((await storage!.listDocuments("new", "roles")).map((d) => d.key)).toEqual(["p1", "p2"]);
    expect(await storage!.deleteDocument("new", "roles", "p1")).toBe(true);
    expect(await storage!.deleteDocument("new", "roles", "p1")).toBe(false);
    expect((await storage!.listDocuments("old", "roles")).map((d) => d.body)).toEqual([{ role: "co-facilitator" }]);
  });

  it("keeps event streams in append order", async () => {
    const a = await storage!.appendEvent("new", "attendance", { person: "a", event: "join" }, 100);
    const b = await storage!.appendEvent("new", "attendance", { person: "b", event: "join" }, 99);
    await storage!.appendEvent("new", "other", { x: 1 }, 101);
    expect(b).toBeGreaterThan(a);
    const events = await storage!.listEvents<{ person: string }>("new", "attendance");
    expect(events.map((e) => [e.body.person, e.at])).toEqual([["a", 100], ["b", 99]]);
  });

  it("refuses documents for a session that does not exist", async () => {
    await expect(storage!.putDocument("nobody", "roles", "x", {}, 1)).rejects.toThrow();
  });

  it("keeps whiteboard operations per session in append order, across boards", async () => {
    const a = await storage!.appendBoardOp("new", "wall", { by: "p1", op: { t: "undo" } }, 200);
    const b = await storage!.appendBoardOp("new", "side", { by: "p2", op: { t: "stroke", pts: [1, 2, -3, 4] } }, 199);
    await storage!.appendBoardOp("old", "wall", { by: "p3", op: { t: "redo" } }, 201);
    expect(b).toBeGreaterThan(a);
    const ops = await storage!.listBoardOps<{ by: string }>("new");
    expect(ops.map((o) => [o.boardId, o.body.by, o.at])).toEqual([["wall", "p1", 200], ["side", "p2", 199]]);
    expect(ops[1]!.body).toEqual({ by: "p2", op: { t: "stroke", pts: [1, 2, -3, 4] } });
    expect(await storage!.listBoardOps("missing")).toEqual([]);
    await expect(storage!.appendBoardOp("nobody", "wall", {}, 1)).rejects.toThrow();
  });

  it("compacts a board: its snapshot replaces its ops up to the snapshot's op, other boards untouched", async () => {
    await storage!.createSession(session("compact", 3000));
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(await storage!.appendBoardOp("compact", "wall", { n: i }, i));
    const side = await storage!.appendBoardOp("compact", "side", { n: 9 }, 9);
    await storage!.putBoardSnapshot("compact", "wall", ids[2]!, { items: 3 }, 50);
    await storage!.putBoardSnapshot("compact", "wall", ids[1]!, { items: 2 }, 60); // older: ignored
    expect(await storage!.listBoardSnapshots("compact")).toEqual([{ boardId: "wall", upToOpId: ids[2], body: { items: 3 }, at: 50 }]);
    expect((await storage!.listBoardOps<{ n: number }>("compact")).map((o) => [o.id, o.body.n])).toEqual([[ids[3], 3], [side, 9]]);
    expect(await storage!.listBoardSnapshots("missing")).toEqual([]);
  });

  it("finds what retention must anonymise: people and documents past the session's own days, else the default; sent statements deleted", async () => {
    const DAY = 86_400_000;
    await storage!.createSession(session("aged", 3000));
    expect((await storage!.getSession("aged"))?.retentionDays).toBeNull();
    await storage!.createSession(session("short", 3000, { retentionDays: 3 }));
    expect((await storage!.setSessionRetention("short", 2))?.retentionDays).toBe(2);
    expect(await storage!.setSessionRetention("missing", 2)).toBeUndefined();
    // Ada's last trace in "aged" is day 1, Ben's day 6; in "short" Ada is last seen on day 6, Chloé on day 9.
    await storage!.appendEvent("aged", "aged-stream", { personId: "ada", name: "Ada" }, 1 * DAY);
    await storage!.appendEvent("aged", "aged-stream", { personId: "ben" }, 1 * DAY);
    await storage!.appendEvent("aged", "aged-stream", { personId: "ben" }, 6 * DAY);
    await storage!.appendEvent("aged", "aged-stream", { event: "alive" }, 1 * DAY);
    await storage!.appendEvent("aged", "aged-stream", { personId: "erased-0a" }, 1 * DAY);
    await storage!.appendEvent("aged", "other", { personId: "dan" }, 1 * DAY);
    await storage!.appendEvent("short", "aged-stream", { personId: "ada" }, 6 * DAY);
    await storage!.appendEvent("short", "aged-stream", { personId: "chloe" }, 9 * DAY);
    await storage!.putDocument("aged", "aged-docs", "a", { text: "x" }, 1 * DAY);
    await storage!.putDocument("aged", "aged-docs", "b", {}, 6 * DAY);
    await storage!.putDocument("aged", "aged-docs", "m", { anonymised: true }, 1 * DAY);
    await storage!.putDocument("aged", "kept", "c", {}, 1 * DAY);
    await storage!.putDocument("short", "aged-docs", "d", {}, 6 * DAY);
    await storage!.queueStatements([{ id: "s-sent", sessionId: "aged", body: {}, at: DAY }, { id: "s-unsent", sessionId: "aged", body: {}, at: DAY }, { id: "s-short", sessionId: "short", body: {}, at: DAY }]);
    await storage!.markStatementsSent(["s-sent"], 1 * DAY);
    await storage!.markStatementsSent(["s-short"], 6 * DAY);
    const people = (clock: { now: number; defaultDays: number | null }, limit = 10) => storage!.expiredPeople(["aged-stream"], clock, "erased-", limit);
    const docs = async (clock: { now: number; defaultDays: number | null }) => (await storage!.expiredDocuments<unknown>(["aged-docs"], clock, "anonymised", 10)).map((d) => `${d.sessionId}/${d.key}`);

    // No server default: only the session with its own 2 days has someone past day 8.
    const bare = { now: 10 * DAY, defaultDays: null };
    expect(await people(bare)).toEqual([{ sessionId: "short", personId: "ada" }]);
    expect(await docs(bare)).toEqual(["short/d"]);
    expect(await storage!.deleteExpiredStatements(bare)).toBe(1);

    // A default of 5 days: in "aged" Ada (day 1) is past it, Ben (last seen day 6) is not; a pseudonym, an event
    // naming nobody, another stream and an anonymised document are never found; the limit bounds the answer.
    const five = { now: 10 * DAY, defaultDays: 5 };
    expect(await people(five)).toEqual([{ sessionId: "aged", personId: "ada" }, { sessionId: "short", personId: "ada" }]);
    expect(await people(five, 1)).toHaveLength(1);
    // A session left out (its room runs) is not answered, and does not take the limit's places.
    expect(await storage!.expiredPeople(["aged-stream"], five, "erased-", 1, ["aged"])).toEqual([{ sessionId: "short", personId: "ada" }]);
    expect(await docs(five)).toEqual(["aged/a", "short/d"]);
    const found = await storage!.expiredDocuments<{ text: string }>(["aged-docs"], five, "anonymised", 1);
    expect(found).toEqual([{ sessionId: "aged", collection: "aged-docs", key: "a", body: { text: "x" }, version: 1, updatedAt: DAY }]);
    expect(await storage!.deleteExpiredStatements(five)).toBe(1);
    expect(await storage!.pendingStatements()).toBe(1);
    // Ten years of days do not overflow (PostgreSQL int4).
    expect(await storage!.setSessionRetention("short", 3650)).toMatchObject({ retentionDays: 3650 });
    expect(await people({ now: 10 * DAY, defaultDays: 3650 })).toEqual([]);
  });

  it("stores settings", async () => {
    expect(await storage!.getSetting("k")).toBeUndefined();
    await storage!.putSetting("k", "v1");
    await storage!.putSetting("k", "v2");
    expect(await storage!.getSetting("k")).toBe("v2");
    await storage!.deleteSetting("k");
    expect(await storage!.getSetting("k")).toBeUndefined();
  });
});
