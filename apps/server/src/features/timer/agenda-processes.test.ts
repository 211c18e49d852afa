import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ColyseusSDK, type Room as SdkRoom } from "@colyseus/sdk";
import { PROTOCOL_VERSION, TRAINING_ROOM, TimerMessage, TimerServerMessage, TrainingState, type SessionSummary, type TimerStatePayload } from "@otc/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, newPersonKey } from "../../test-support/harness.js";
import { freePort, startTestRedis, type TestRedis } from "../../test-support/redis-server.js";
import { startServerChild, type ServerChild } from "../../test-support/server-child.js";

// Two real server processes on one Redis and one SQLite file (as rooms/many-processes.test.ts): the
// console's agenda, saved through the process that does not hold the session's room, reaches that room.
const ADMIN_SECRET = "agenda-cluster-secret";
let redis: TestRedis | undefined;
let skipReason = "";
let dataDir = "";
const children: ServerChild[] = [];
const rooms: SdkRoom<unknown, TrainingState>[] = [];

beforeAll(async () => {
  const started = await startTestRedis();
  if (!started.ok) {
    skipReason = started.reason;
    console.warn(`\n!!! agenda across processes (Redis) SKIPPED: ${started.reason} !!!\n`);
    return;
  }
  redis = started.redis;
  dataDir = mkdtempSync(path.join(tmpdir(), "otc-agenda-cluster-"));
  const env = { REDIS_URL: redis.url, DATA_DIR: dataDir, ADMIN_SECRET, LINK_SECRET: "agenda-cluster-link-secret-0123456789" };
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    children.push(await startServerChild(port, { ...env, PUBLIC_ADDRESS: `127.0.0.1:${port}` }));
  }
}, 400_000);

afterAll(async () => {
  for (const r of rooms) r.reconnection.enabled = false;
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
  for (const c of children) await c.kill();
  await redis?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const consoleFetch = (via: ServerChild, route: string, init: RequestInit = {}) =>
  fetch(`${via.url}${route}`, { ...init, headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json", ...init.headers } });

describe("the console's agenda across processes", () => {
  it("reaches the session's open room through the presence channel, whichever process holds it", async ({ skip }) => {
    if (!redis) return skip(skipReason);
    const [a, b] = children as [ServerChild, ServerChild];
    const created = await consoleFetch(a, "/api/sessions", { method: "POST", body: JSON.stringify({ title: "Agenda", room: "training-room", language: "en" }) });
    expect(created.status).toBe(201);
    const session = (await created.json()) as SessionSummary;
    const link = new URL(session.links.participant, "http://x").searchParams.get("k")!;
    const room = await new ColyseusSDK(a.url.replace(/^http/, "ws")).joinOrCreate<TrainingState>(
      TRAINING_ROOM,
      { protocol: PROTOCOL_VERSION, sessionId: session.id, name: "Pablo", colour: "#336699", device: "desktop", link, personKey: newPersonKey() },
      TrainingState,
    );
    rooms.push(room);
    const seen: { state: TimerStatePayload | null } = { state: null };
    room.onMessage("*", () => undefined);
    room.onMessage(TimerServerMessage.state, (s: TimerStatePayload) => void (seen.state = s));
    room.send(TimerMessage.timerSync, {});
    await eventually(() => seen.state !== null, 10_000, "the first timer state");
    expect(seen.state!.agenda.items).toEqual([]);

    // The process whose socket Pablo is on holds the room; the console speaks to the other one.
    const port = Number(new URL((room.connection.transport as unknown as { ws: { url: string } }).ws.url).port);
    const other = port === a.port ? b : a;
    expect(other.port).not.toBe(port);
    const items = [{ title: "Welcome", minutes: 5 }, { title: "Group work", minutes: 20 }];
    const saved = await consoleFetch(other, `/api/sessions/${session.id}/agenda`, { method: "PUT", body: JSON.stringify({ items }) });
    expect(saved.status).toBe(200);
    await eventually(() => seen.state?.agenda.items.length === 2, 10_000, "the agenda in the open room");
    expect(seen.state!.agenda).toEqual({ items, current: -1 });
  }, 120_000);
});
