import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { RedisPresence } from "@colyseus/redis-presence";
import type { BreakoutBroadcast } from "@otc/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStorage } from "../../storage/open-storage.js";
import type { Storage } from "../../storage/storage.js";
import { eventually } from "../../test-support/harness.js";
import { startTestRedis, type TestRedis } from "../../test-support/redis-server.js";
import { SessionService } from "../sessions/session-service.js";
import { BREAKOUT_COLLECTION, BreakoutService, type GroupDocument } from "./breakout-service.js";

// The main room and a group's room in two processes: each has its own Redis presence (as two server
// processes do) and they share the database. An early end and a broadcast from the main room's
// process reach the group room in the other one.
let redis: TestRedis | undefined;
let skipReason = "";
let storage: Storage;
let dataDir: string;
const presences: RedisPresence[] = [];

beforeAll(async () => {
  const started = await startTestRedis();
  if (!started.ok) {
    skipReason = started.reason;
    console.warn(`\n!!! Breakouts across processes (Redis) SKIPPED: ${started.reason} !!!\n`);
  } else redis = started.redis;
  dataDir = await mkdtemp(path.join(tmpdir(), "otc-breakout-bus-"));
  storage = await openStorage({ dataDir });
}, 60_000);

afterAll(async () => {
  for (const p of presences) p.shutdown();
  await storage?.close();
  await redis?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const now = () => 1_000_000;
const sessions = () => new SessionService({ storage, secret: Buffer.alloc(32, 7), now, random: Math.random, roomIds: () => ["breakout-pods"] });

function serverProcess(url: string): BreakoutService {
  const bus = new RedisPresence(url);
  presences.push(bus);
  return new BreakoutService({ sessions: sessions(), storage, layouts: new Map(), now, bus });
}

describe("breakouts across processes", () => {
  it("an early end and a broadcast from the main room's process reach a group room running in another process, and stop once it is gone", async ({ skip }) => {
    if (!redis) return skip(skipReason);
    const mainProcess = serverProcess(redis.url);
    const groupProcess = serverProcess(redis.url);
    const main = await sessions().create({ title: "Induction", room: "breakout-pods", language: "en" });
    const [g1, g2, g3] = (await mainProcess.createGroups(main, "breakout-pods", 3, 1, 0, 600_000)).map((g) => g.id) as [string, string, string];

    const heard = { ends: [] as number[], messages: [] as BreakoutBroadcast[] };
    const live = { changed: (d: GroupDocument) => void heard.ends.push(d.endsAt), message: (m: BreakoutBroadcast) => void heard.messages.push(m) };
    await groupProcess.register(g1, live);

    mainProcess.message(g1, { text: "Five minutes left", from: "Ada" });
    await mainProcess.changeEnd(g1, 120_000);
    await eventually(() => heard.messages.length === 1 && heard.ends.length === 1, 10_000, "the group room hears the main room");
    expect(heard.messages).toEqual([{ text: "Five minutes left", from: "Ada" }]);
    expect(heard.ends).toEqual([120_000]);
    // the new end is stored too, for a group room that starts later
    expect((await storage.getDocument<GroupDocument>(g1, BREAKOUT_COLLECTION, "group"))?.body.endsAt).toBe(120_000);

    groupProcess.unregister(g1, live);
    mainProcess.message(g1, { text: "after the group room closed", from: "Ada" });
    mainProcess.message(g2, { text: "another group", from: "Ada" });
    // A round trip through Redis on the same connection order: once this arrives, the earlier ones would have.
    const marker: string[] = [];
    await groupProcess.register(g3, { changed: () => undefined, message: (m) => void marker.push(m.text) });
    mainProcess.message(g3, { text: "marker", from: "Ada" });
    await eventually(() => marker.length === 1, 10_000, "the marker");
    expect(heard.messages).toHaveLength(1);
  }, 60_000);
});
