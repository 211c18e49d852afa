import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ColyseusSDK, type Room as SdkRoom } from "@colyseus/sdk";
import {
  CREATE_REFUSED_CODE,
  ClientMessage,
  PROTOCOL_VERSION,
  ServerMessage,
  TRAINING_ROOM,
  TrainingState,
  WhiteboardMessage,
  type BoardSnapshot,
  type LinkKind,
  type SessionSummary,
} from "@otc/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStorage } from "../storage/open-storage.js";
import { ASSETS_DIR, eventually, newPersonKey } from "../test-support/harness.js";
import { startTestPostgres, type TestPostgres } from "../test-support/postgres.js";
import { freePort, startTestRedis, type TestRedis } from "../test-support/redis-server.js";
import { startServerChild, type ServerChild } from "../test-support/server-child.js";

// Two real server processes (apps/server main) on one Redis and one database: a session has one
// room in the whole cluster, whichever process people reach, and survives the loss of a process.
const ADMIN_SECRET = "cluster-test-secret";
let redis: TestRedis | undefined;
let postgres: TestPostgres | undefined;
let skipReason = "";
let env: Record<string, string> = {};
const dataDirs: string[] = [];
const children: ServerChild[] = [];
const rooms: Array<SdkRoom<unknown, TrainingState>> = [];
let a: ServerChild;
let b: ServerChild;

beforeAll(async () => {
  const started = await startTestRedis();
  if (!started.ok) {
    skipReason = started.reason;
    console.warn(`\n!!! Many-processes (Redis) tests SKIPPED: ${started.reason} !!!\n`);
    return;
  }
  redis = started.redis;
  const dataDir = mkdtempSync(path.join(tmpdir(), "otc-cluster-"));
  dataDirs.push(dataDir);
  env = { REDIS_URL: redis.url, DATA_DIR: dataDir, ADMIN_SECRET, LINK_SECRET: "cluster-link-secret-0123456789abcdef" };
  // One PostgreSQL for both processes where the machine has one (the deployment's setup); else both on the DATA_DIR's SQLite.
  const pg = await startTestPostgres();
  if (pg.ok) {
    postgres = pg.postgres;
    env.DATABASE_URL = await postgres.createDatabase("cluster");
  } else console.warn(`(many-processes: no PostgreSQL here (${pg.reason}); both processes share the SQLite file)`);
  a = await serverProcess();
  b = await serverProcess();
}, 400_000);

afterAll(async () => {
  for (const r of rooms) r.reconnection.enabled = false;
  for (const c of children) await c.kill();
  await redis?.stop();
  await postgres?.stop();
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

/** A server process that reaches clients at its own address (PUBLIC_ADDRESS), as behind a routing proxy. */
async function serverProcess(): Promise<ServerChild> {
  const port = await freePort();
  const child = await startServerChild(port, { ...env, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
  children.push(child);
  return child;
}

async function newSession(via: ServerChild, title: string): Promise<SessionSummary> {
  const res = await fetch(`${via.url}/api/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ title, room: "training-room", language: "en" }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as SessionSummary;
}

const linkOf = (session: SessionSummary, kind: LinkKind) => new URL(session.links[kind], "http://x").searchParams.get("k")!;

/** Joins the session through `via` (retrying while the cluster notices a lost process, as the client's rejoin does). */
async function join(via: ServerChild, session: SessionSummary, name: string, kind: LinkKind, personKey = newPersonKey(), retryMs = 0) {
  const sdk = new ColyseusSDK(via.url.replace(/^http/, "ws"));
  const deadline = Date.now() + retryMs;
  for (;;) {
    try {
      const room = await sdk.joinOrCreate<TrainingState>(
        TRAINING_ROOM,
        { protocol: PROTOCOL_VERSION, sessionId: session.id, name, colour: "#336699", device: "desktop", link: linkOf(session, kind), personKey },
        TrainingState,
      );
      rooms.push(room);
      room.onMessage("*", () => undefined); // boards, notices, presence: read where a test needs them
      await eventually(() => room.state.participants?.get(room.sessionId) !== undefined, 10_000, `${name} seated`);
      return { room, personKey };
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The process whose socket a client is on (its PUBLIC_ADDRESS port). */
function hostOf(room: SdkRoom<unknown, TrainingState>): ServerChild {
  const url = (room.connection.transport as unknown as { ws: { url: string } }).ws.url;
  const port = Number(new URL(url).port);
  const host = children.find((c) => c.port === port && alive(c));
  if (!host) throw new Error(`no live process on port ${port}`);
  return host;
}

async function createDirectly(via: ServerChild, session: SessionSummary): Promise<{ code?: number; error?: string; roomId?: string }> {
  const res = await fetch(`${via.url}/matchmake/create/${TRAINING_ROOM}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionId: session.id, link: linkOf(session, "facilitator"), protocol: PROTOCOL_VERSION, name: "X", colour: "#336699", device: "desktop", personKey: newPersonKey() }),
  });
  return (await res.json()) as { code?: number; error?: string; roomId?: string };
}

/**
 * A create refused because the session's room exists. Colyseus may run the creation on another
 * process (the one with the fewest rooms); an error coming back over its IPC keeps the message but
 * not the code (MATCHMAKE_UNHANDLED then), so the message is what both paths have in common.
 */
function refusedAsAlreadyOpen(answer: { code?: number; error?: string; roomId?: string }): boolean {
  return answer.roomId === undefined && /open-elsewhere/.test(answer.error ?? "") && (answer.code === CREATE_REFUSED_CODE || answer.code === 523);
}

describe("many processes on one Redis", () => {
  it("people joining through either process meet in one room, and no second room is ever made", async ({ skip }) => {
    if (!redis) return skip(skipReason);
    const session = await newSession(a, "One room");
    // Both at once, through different processes: the cluster-wide joinOrCreate lock and the session claim.
    const [ada, ben] = await Promise.all([join(a, session, "Ada", "facilitator"), join(b, session, "Ben", "participant")]);
    expect(ben.room.roomId).toBe(ada.room.roomId);
    await eventually(() => ada.room.state.participants.size === 2 && ben.room.state.participants.size === 2, 10_000, "both see both");
    for (const via of [a, b]) expect(refusedAsAlreadyOpen(await createDirectly(via, session))).toBe(true);
    const cy = await join(hostOf(ada.room) === a ? b : a, session, "Cy", "participant");
    expect(cy.room.roomId).toBe(ada.room.roomId);
  }, 120_000);

  it("a room imported through one process is known to the other at once (sessions in it open with its layout)", async ({ skip }) => {
    if (!redis) return skip(skipReason);
    const template = JSON.parse(readFileSync(path.join(ASSETS_DIR, "rooms", "training-room.json"), "utf8")) as Record<string, unknown>;
    const saved = await fetch(`${a.url}/api/rooms`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" },
      body: JSON.stringify({ ...template, id: "cluster-annex", name: "Annex" }),
    });
    expect(saved.status).toBe(201);
    const listed = async () => ((await (await fetch(`${b.url}/api/rooms`, { headers: { authorization: `Bearer ${ADMIN_SECRET}` } })).json()) as Array<{ id: string }>).some((r) => r.id === "cluster-annex");
    const deadline = Date.now() + 10_000;
    while (!(await listed()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await listed()).toBe(true);
    const res = await fetch(`${b.url}/api/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "In the annex", room: "cluster-annex", language: "en" }),
    });
    expect(res.status).toBe(201);
    const session = (await res.json()) as SessionSummary;
    const [ada, ben] = await Promise.all([join(a, session, "Ada", "facilitator"), join(b, session, "Ben", "participant")]);
    expect([ada.room.state.roomLayout, ben.room.state.roomLayout]).toEqual(["cluster-annex", "cluster-annex"]);
  }, 60_000);

  it("losing the process without the room changes nothing; losing the one with it, people rejoin on the other with boards, roles and attendance", async ({ skip }) => {
    if (!redis) return skip(skipReason);
    for (const r of rooms) r.reconnection.enabled = false; // the first test's people: their host may be the one that goes
    const session = await newSession(b, "Survives");
    const ada = await join(a, session, "Ada", "facilitator");
    const ben = await join(b, session, "Ben", "participant");
    expect(ben.room.roomId).toBe(ada.room.roomId);
    const host = hostOf(ada.room);
    let other = host === a ? b : a;

    // Documents: a promotion and a stroke, each acknowledged (seen by the other person).
    ada.room.send(ClientMessage.setRole, { participantId: ben.room.sessionId, role: "co-facilitator" });
    await eventually(() => ben.room.state.participants.get(ben.room.sessionId)?.role === "co-facilitator", 10_000, "Ben promoted");
    let patched = false;
    ben.room.onMessage(ServerMessage.boardPatch, () => void (patched = true));
    ada.room.send(WhiteboardMessage.boardOp, { board: "front", op: { t: "stroke", cid: 1, tool: "pen", colour: "#ff0000", width: 4, pts: [100, 100, 20, 20, 20, 0] } });
    await eventually(() => patched, 10_000, "Ben sees Ada's stroke");

    // The process without the room goes: the room, its people and new joins through the host go on.
    await other.kill();
    const dan = await join(host, session, "Dan", "participant");
    expect(dan.room.roomId).toBe(ada.room.roomId);
    await eventually(() => ada.room.state.participants.get(dan.room.sessionId)?.connected === true, 10_000, "Ada sees Dan");
    expect(ada.room.state.participants.get(ben.room.sessionId)?.connected).toBe(true);

    // It comes back (a new process on its port), then the host goes: everyone rejoins through it.
    other = await serverProcess();
    for (const r of [ada.room, ben.room, dan.room]) r.reconnection.enabled = false;
    await host.kill();
    const ada2 = await join(other, session, "Ada", "facilitator", ada.personKey, 30_000);
    const ben2 = await join(other, session, "Ben", "participant", ben.personKey, 30_000);
    expect(ben2.room.roomId).toBe(ada2.room.roomId);
    expect(hostOf(ada2.room)).toBe(other);
    expect(ada2.room.state.title).toBe("Survives");
    expect(ben2.room.state.participants.get(ben2.room.sessionId)?.role).toBe("co-facilitator");
    const boards: BoardSnapshot[] = [];
    ben2.room.onMessage(ServerMessage.boardSnapshot, (s: BoardSnapshot) => void boards.push(s));
    ben2.room.send(WhiteboardMessage.boardSync, {});
    await eventually(() => boards.some((s) => s.board === "front"), 10_000, "Ben's boards");
    expect(boards.find((s) => s.board === "front")!.items).toHaveLength(1);
    expect(refusedAsAlreadyOpen(await createDirectly(other, session))).toBe(true);

    const storage = await openStorage({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL });
    try {
      const attendance = await storage.listEvents<{ event: string; name: string }>(session.id, "attendance");
      expect(attendance.filter((e) => e.body.event === "join").map((e) => e.body.name)).toEqual(["Ada", "Ben", "Dan", "Ada", "Ben"]);
    } finally {
      await storage.close();
    }
  }, 180_000);

  it("keeps its rooms running while Redis restarts, and new people join the same room once it is back", async ({ skip }) => {
    if (!redis) return skip(skipReason);
    for (const r of rooms) r.reconnection.enabled = false;
    while (children.filter(alive).length < 2) await serverProcess();
    const [p, q] = children.filter(alive) as [ServerChild, ServerChild];
    const session = await newSession(p, "Redis restart");
    const ada = await join(p, session, "Ada", "facilitator");
    const ben = await join(q, session, "Ben", "participant");
    expect(ben.room.roomId).toBe(ada.room.roomId);

    await redis.pause();
    // While Redis is down the room itself goes on: a promotion is stored and seen by its subject.
    ada.room.send(ClientMessage.setRole, { participantId: ben.room.sessionId, role: "co-facilitator" });
    await eventually(() => ben.room.state.participants.get(ben.room.sessionId)?.role === "co-facilitator", 10_000, "Ben promoted while Redis is down");
    await redis.resume();
    // Back: a newcomer through either process lands in the same room (matchmaking and IPC are on Redis again).
    const cy = await join(hostOf(ada.room) === p ? q : p, session, "Cy", "participant", newPersonKey(), 30_000);
    const dan = await join(hostOf(ada.room), session, "Dan", "participant", newPersonKey(), 30_000);
    expect([cy.room.roomId, dan.room.roomId]).toEqual([ada.room.roomId, ada.room.roomId]);
    await eventually(() => ada.room.state.participants.size === 4 && ada.room.state.participants.get(ben.room.sessionId)?.connected === true, 10_000, "Ada sees all four");
    expect([alive(p), alive(q)]).toEqual([true, true]);
  }, 120_000);
});

function alive(c: ServerChild): boolean {
  return c.child.exitCode === null && c.child.signalCode === null;
}
