import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BreakoutMessage, BreakoutServerMessage, TimerMessage, TimerServerMessage, type BreakoutBroadcast, type BreakoutGo, type BreakoutStatePayload, type TimerStatePayload } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

let h: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** What one SDK client has heard of breakouts. */
function watch(c: TestClient) {
  const seen = { state: null as BreakoutStatePayload | null, go: [] as BreakoutGo[], messages: [] as BreakoutBroadcast[] };
  c.room.onMessage(BreakoutServerMessage.state, (s: BreakoutStatePayload) => void (seen.state = s));
  c.room.onMessage(BreakoutServerMessage.go, (g: BreakoutGo) => void seen.go.push(g));
  c.room.onMessage(BreakoutServerMessage.message, (m: BreakoutBroadcast) => void seen.messages.push(m));
  c.room.send(BreakoutMessage.sync, {});
  return seen;
}
const invitation = (go: BreakoutGo) => {
  const url = new URL(go.path, "http://x");
  return { sessionId: url.pathname.split("/").pop()!, link: url.searchParams.get("k")! };
};
/** Follows an invitation as a page would (same person key). */
async function follow(h: TestServer, c: TestClient, go: BreakoutGo, name: string, personKey: string) {
  const to = invitation(go);
  await c.room.leave(true);
  return h.join(name, { sessionId: to.sessionId, link: to.link }, { personKey });
}

describe("breakout rooms", () => {
  it("plans two groups, sends each person their own invitation, runs a timer in every group and brings everyone back after a 30 s warning", async () => {
    h = await startTestServer();
    const keys = { fac: newPersonKey(), ada: newPersonKey(), ben: newPersonKey() };
    const fac = await h.join("Fatou", {}, { kind: "facilitator", personKey: keys.fac });
    const ada = await h.join("Ada", {}, { personKey: keys.ada });
    const ben = await h.join("Ben", {}, { personKey: keys.ben });
    const [f, a, b] = [watch(fac), watch(ada), watch(ben)];
    fac.room.send(BreakoutMessage.plan, { groups: 2, how: "list", list: [["ada"], ["Ben"]] });
    await eventually(() => f.state?.plan !== null && f.state?.plan !== undefined);
    expect(f.state!.plan!.groups.map((g) => g.map((id) => f.state!.plan!.names[id]))).toEqual([["Ada"], ["Ben"]]);
    h.clock.now = 5_000_000;
    fac.room.send(BreakoutMessage.start, { seconds: 120 });
    await eventually(() => a.go.length === 1 && b.go.length === 1);
    expect(f.go).toEqual([]); // the facilitator stays in the main room
    expect(a.go[0]).toMatchObject({ reason: "start", group: 0, room: "breakout-pods" });
    expect(b.go[0]!.group).toBe(1);
    expect(invitation(a.go[0]!).sessionId).not.toBe(invitation(b.go[0]!).sessionId);
    expect(f.state!.running).toMatchObject({ startedAt: 5_000_000, endsAt: 5_120_000, room: "breakout-pods" });

    const adaIn = await follow(h, ada, a.go[0]!, "Ada", keys.ada);
    expect(adaIn.room.state.roomLayout).toBe("breakout-pods");
    const inGroup = watch(adaIn);
    const timer: { s: TimerStatePayload | null } = { s: null };
    adaIn.room.onMessage(TimerServerMessage.state, (s: TimerStatePayload) => void (timer.s = s));
    adaIn.room.send(TimerMessage.timerSync, {});
    await eventually(() => inGroup.state !== null && timer.s !== null);
    expect(inGroup.state).toMatchObject({ where: "group", group: { index: 0 }, running: { endsAt: 5_120_000 } });
    expect(timer.s!.timer?.endsAt).toBe(5_120_000);

    fac.room.send(BreakoutMessage.broadcast, { text: "Five\u0007 minutes\nleft" });
    await eventually(() => inGroup.messages.length === 1);
    expect(inGroup.messages[0]).toEqual({ text: "Five minutes left", from: "Fatou" });

    h.clock.now = 5_090_000; // 30 s before the end: the group hears the warning, nobody moves yet
    await eventually(() => inGroup.state!.serverNow >= 5_090_000);
    expect(inGroup.go).toEqual([]);
    h.clock.now = 5_120_000;
    await eventually(() => inGroup.go.length === 1);
    expect(inGroup.go[0]).toMatchObject({ reason: "return", group: -1 });
    expect(invitation(inGroup.go[0]!).sessionId).toBe("demo");
    const back = await follow(h, adaIn, inGroup.go[0]!, "Ada", keys.ada);
    expect(back.room.state.roomLayout).toBe("training-room");
    await eventually(() => f.state?.running === null);
  });

  it("lets a facilitator visit a group and return, and ends a breakout early with a fresh 30 s warning", async () => {
    h = await startTestServer();
    const fkey = newPersonKey();
    const fac = await h.join("Fatou", {}, { kind: "facilitator", personKey: fkey });
    const pat = await h.join("Pat");
    const f = watch(fac);
    const p = watch(pat);
    fac.room.send(BreakoutMessage.plan, { groups: 1, seed: 3 });
    await eventually(() => f.state?.plan?.groups[0]?.length === 1);
    fac.room.send(BreakoutMessage.start, { seconds: 600, room: "meeting-room" });
    await eventually(() => p.go.length === 1);
    const patIn = await follow(h, pat, p.go[0]!, "Pat", newPersonKey());
    const pg = watch(patIn);
    fac.room.send(BreakoutMessage.visit, { group: 0 });
    await eventually(() => f.go.length === 1);
    expect(f.go[0]).toMatchObject({ reason: "visit", group: 0, room: "meeting-room" });
    const visiting = await follow(h, fac, f.go[0]!, "Fatou", fkey);
    expect(visiting.room.state.participants.get(visiting.room.sessionId)?.role).toBe("facilitator");
    const v = watch(visiting);
    visiting.room.send(BreakoutMessage.back, {});
    await eventually(() => v.go.length === 1);
    expect(v.go[0]!.reason).toBe("return");
    const home = await follow(h, visiting, v.go[0]!, "Fatou", fkey);
    const f2 = watch(home);
    await eventually(() => f2.state !== null);
    h.clock.now += 60_000;
    home.room.send(BreakoutMessage.end, {});
    await eventually(() => pg.state?.running?.endsAt === h!.clock.now + 30_000);
    expect(pg.go).toEqual([]);
    h.clock.now += 30_000;
    await eventually(() => pg.go.length === 1);
    expect(pg.go[0]!.reason).toBe("return");
  });

  it("refuses every breakout action of a participant, counted, and changes nothing", async () => {
    h = await startTestServer();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const pat = await h.join("Pat");
    const p = watch(pat);
    await eventually(() => p.state !== null);
    pat.room.send(BreakoutMessage.plan, { groups: 2 });
    pat.room.send(BreakoutMessage.move, { personId: "x", group: 0 });
    pat.room.send(BreakoutMessage.start, { seconds: 60 });
    pat.room.send(BreakoutMessage.broadcast, { text: "hi" });
    pat.room.send(BreakoutMessage.visit, { group: 0 });
    pat.room.send(BreakoutMessage.end, {});
    const dropped = h.serverRoom(pat).refusals.stats.dropped;
    await eventually(() => dropped["not-allowed"] === 6);
    pat.room.send(BreakoutMessage.sync, {});
    await eventually(() => p.state !== null && p.go.length === 0);
    expect(p.state).toMatchObject({ plan: null, running: null });
    // The plan names people by their server-side ids: a participant is told a plan changed, never the plan.
    const f = watch(fac);
    fac.room.send(BreakoutMessage.plan, { groups: 1, seed: 2 });
    await eventually(() => f.state?.plan?.groups[0]?.length === 1);
    await eventually(() => p.state?.serverNow !== undefined);
    expect(p.state?.plan).toBeNull();
  });

  it("keeps the plan and the running breakout across a server restart, and still brings people back", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "otc-breakout-restart-"));
    h = await startTestServer({ dataDir });
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const pat = await h.join("Pat");
    const f = watch(fac);
    const p = watch(pat);
    fac.room.send(BreakoutMessage.plan, { groups: 1, seed: 1 });
    await eventually(() => f.state?.plan?.groups[0]?.length === 1);
    fac.room.send(BreakoutMessage.start, { seconds: 300 });
    await eventually(() => p.go.length === 1);
    const go = p.go[0]!;
    const endsAt = f.state!.running!.endsAt;
    const now = h.clock.now;
    await h.close();

    h = await startTestServer({ dataDir });
    h.clock.now = now + 1000;
    const fac2 = await h.join("Fatou", {}, { kind: "facilitator" });
    const f2 = watch(fac2);
    await eventually(() => f2.state !== null);
    expect(f2.state!.plan!.groups[0]).toHaveLength(1);
    expect(f2.state!.running?.endsAt).toBe(endsAt);
    const to = invitation(go);
    const patIn = await h.join("Pat", { sessionId: to.sessionId, link: to.link });
    const pg = watch(patIn);
    await eventually(() => pg.state?.where === "group");
    h.clock.now = endsAt;
    await eventually(() => pg.go.length === 1 && f2.state?.running === null);
    expect(pg.go[0]!.reason).toBe("return");
  });
});
