import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BreakoutMessage, BreakoutServerMessage, ClientMessage, ServerMessage, type BoardOp, type BreakoutGalleryPayload, type BreakoutGo, type BreakoutStatePayload, type PreparedPlanInput } from "@otc/contract";
import { encodeDeltas } from "@otc/whiteboard";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

const ADMIN_SECRET = "breakout-plans-admin-secret-0123";
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function watch(c: TestClient) {
  const seen = { state: null as BreakoutStatePayload | null, go: [] as BreakoutGo[], gallery: null as BreakoutGalleryPayload | null };
  c.room.onMessage(BreakoutServerMessage.state, (s: BreakoutStatePayload) => void (seen.state = s));
  c.room.onMessage(BreakoutServerMessage.go, (g: BreakoutGo) => void seen.go.push(g));
  c.room.onMessage(BreakoutServerMessage.gallery, (g: BreakoutGalleryPayload) => void (seen.gallery = g));
  c.room.onMessage(BreakoutServerMessage.message, () => undefined);
  c.room.send(BreakoutMessage.sync, {});
  return seen;
}
const console = (path: string, init: RequestInit = {}) =>
  fetch(`${h!.server.url}/api/sessions/demo/breakout-plans${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json", ...init.headers } });
const put = (id: string, plan: PreparedPlanInput) => console(`/${id}`, { method: "PUT", body: JSON.stringify(plan) });
const invitation = (go: BreakoutGo) => {
  const url = new URL(go.path, "http://x");
  return { sessionId: url.pathname.split("/").pop()!, link: url.searchParams.get("k")! };
};
const stroke = (x: number): BoardOp => ({ t: "stroke", cid: 1, tool: "pen", colour: "#1565c0", width: 12, pts: encodeDeltas([x, 100, x + 100, 140, x + 200, 100]) });

describe("breakout plans prepared in the console", () => {
  it("are validated and bounded, listed, and refused without the console's sign-in", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    await h.linkToken("demo");
    expect((await put("pairs", { name: "Pairs", how: "random", seconds: 600, groups: [{ room: "breakout-pods" }, { room: "meeting-room" }] })).status).toBe(200);
    expect((await put("bad-room", { name: "x", how: "random", seconds: 600, groups: [{ room: "nowhere" }] })).status).toBe(400);
    expect((await put("too-many", { name: "x", how: "random", seconds: 600, groups: Array.from({ length: 21 }, () => ({ room: "breakout-pods" })) })).status).toBe(400);
    expect((await put("Bad Id", { name: "x", how: "random", seconds: 600, groups: [{ room: "breakout-pods" }] })).status).toBe(400);
    expect((await put("long", { name: "x", how: "list", seconds: 600, groups: [{ room: "breakout-pods", people: ["n".repeat(61)] }] })).status).toBe(400);
    const list = (await (await console("")).json()) as { id: string; groups: { room: string }[] }[];
    expect(list.map((p) => [p.id, p.groups.map((g) => g.room)])).toEqual([["pairs", ["breakout-pods", "meeting-room"]]]);
    expect((await fetch(`${h.server.url}/api/sessions/demo/breakout-plans`)).status).toBe(401);
    expect((await console("/pairs", { method: "DELETE" })).status).toBe(204);
    expect(await (await console("")).json()).toEqual([]);
  });

  it("starts on the people present: named people to their group and room, the absent skipped and listed, the unnamed to the smallest group", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    await h.linkToken("demo");
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const [ada, ben, cyd] = [await h.join("Ada"), await h.join("Ben"), await h.join("Cyd")];
    const [f, a, b, c] = [watch(fac), watch(ada), watch(ben), watch(cyd)];
    await put("teams", { name: "Teams", how: "list", seconds: 300, groups: [{ room: "meeting-room", people: ["ada", "Zoé", "Ben"] }, { room: "classroom", people: ["Yann"] }] });
    fac.room.send(BreakoutMessage.sync, {}); // the console prepared it meanwhile: asking again lists it
    await eventually(() => f.state?.prepared?.length === 1);
    expect(f.state!.prepared![0]).toEqual({ id: "teams", name: "Teams", how: "list", seconds: 300, groups: 2 });
    expect(a.state?.prepared).toEqual([]); // participants never see the plans
    fac.room.send(BreakoutMessage.startPlan, { planId: "teams" });
    await eventually(() => a.go.length === 1 && b.go.length === 1 && c.go.length === 1);
    expect([a.go[0]!.group, b.go[0]!.group, c.go[0]!.group]).toEqual([0, 0, 1]);
    expect([a.go[0]!.room, c.go[0]!.room]).toEqual(["meeting-room", "classroom"]);
    expect(f.state!.skipped).toEqual(["Zoé", "Yann"]);
    expect(f.state!.running?.endsAt).toBe(f.state!.running!.startedAt + 300_000);
    const cydIn = await h.join("Cyd", invitation(c.go[0]!));
    expect(cydIn.room.state.roomLayout).toBe("classroom");
    fac.room.send(BreakoutMessage.startPlan, { planId: "teams" });
    const dropped = h.serverRoom(fac).refusals.stats.dropped;
    await eventually(() => dropped["invalid-message"] === 1); // already running
  });

  it("refuses a participant's plan start and gallery, counted, and changes nothing", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    await h.linkToken("demo");
    await put("pairs", { name: "Pairs", how: "random", seconds: 600, groups: [{ room: "breakout-pods" }] });
    await h.join("Fatou", {}, { kind: "facilitator" });
    const pat = await h.join("Pat");
    const p = watch(pat);
    pat.room.send(BreakoutMessage.startPlan, { planId: "pairs" });
    pat.room.send(BreakoutMessage.gallery, { what: "all" });
    const dropped = h.serverRoom(pat).refusals.stats.dropped;
    await eventually(() => dropped["not-allowed"] === 2);
    pat.room.send(BreakoutMessage.gallery, { what: "one", board: "front", group: 99 }); // out of bounds: invalid
    await eventually(() => dropped["invalid-message"] === 1);
    expect(p.go).toEqual([]);
    expect(p.state?.running ?? null).toBeNull();
  });
});

describe("the board gallery after a breakout", () => {
  it("shows each group's board on the main room's boards, read-only copies for everyone, kept across a restart, and back to the room's own", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-gallery-restart-"));
    h = await startTestServer({ adminSecret: ADMIN_SECRET, dataDir });
    const keys = { ada: newPersonKey(), ben: newPersonKey() };
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const [ada, ben] = [await h.join("Ada", {}, { personKey: keys.ada }), await h.join("Ben", {}, { personKey: keys.ben })];
    const [f, a, b] = [watch(fac), watch(ada), watch(ben)];
    fac.room.send(BreakoutMessage.plan, { groups: 2, how: "list", list: [["Ada"], ["Ben"]] });
    await eventually(() => f.state?.plan?.groups.length === 2);
    fac.room.send(BreakoutMessage.gallery, { what: "all" });
    const dropped = h.serverRoom(fac).refusals.stats.dropped;
    await eventually(() => dropped["invalid-message"] === 1); // no breakout has finished yet
    fac.room.send(BreakoutMessage.start, { seconds: 60 });
    await eventually(() => a.go.length === 1 && b.go.length === 1);
    // Each draws on their group's second pod board; group 2 draws twice.
    const adaIn = await h.join("Ada", invitation(a.go[0]!), { personKey: keys.ada });
    const benIn = await h.join("Ben", invitation(b.go[0]!), { personKey: keys.ben });
    let patches = 0;
    benIn.room.onMessage(ServerMessage.boardPatch, () => void patches++);
    adaIn.room.send(ClientMessage.boardOp, { board: "pod-2", op: stroke(100) });
    benIn.room.send(ClientMessage.boardOp, { board: "pod-2", op: stroke(100) });
    benIn.room.send(ClientMessage.boardOp, { board: "pod-2", op: { ...stroke(900), cid: 2 } });
    await eventually(() => patches === 2);
    fac.room.send(BreakoutMessage.gallery, { what: "all" });
    await eventually(() => dropped["invalid-message"] === 2); // the groups are still out
    h.clock.now += 60_000;
    await eventually(() => f.state?.running === null && f.state.lastGroups === 2);

    fac.room.send(BreakoutMessage.gallery, { what: "all" });
    await eventually(() => (a.gallery?.shows.length ?? 0) === 2);
    expect(a.gallery!.shows.map((s) => [s.board, s.group, s.snapshot.board, s.snapshot.items.length])).toEqual([["front", 0, "pod-2", 1], ["side", 1, "pod-2", 2]]);
    fac.room.send(BreakoutMessage.gallery, { what: "one", board: "side", group: 0 });
    await eventually(() => a.gallery?.shows.find((s) => s.board === "side")?.group === 0);

    const now = h.clock.now;
    await h.close();
    h = await startTestServer({ adminSecret: ADMIN_SECRET, dataDir });
    h.clock.now = now;
    const fac2 = await h.join("Fatou", {}, { kind: "facilitator" });
    const late = await h.join("Lou");
    const [f2, l] = [watch(fac2), watch(late)];
    await eventually(() => (l.gallery?.shows.length ?? 0) === 2 && f2.state?.lastGroups === 2);
    expect(l.gallery!.shows.map((s) => [s.board, s.group, s.snapshot.items.length])).toEqual([["front", 0, 1], ["side", 0, 1]]);
    fac2.room.send(BreakoutMessage.gallery, { what: "none" });
    await eventually(() => l.gallery?.shows.length === 0);
    await h.close();
    h = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it("pages through more groups than the room has boards: page 2 shows the groups after the first boards-full, and no page past the last", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const people = [await h.join("Ada"), await h.join("Ben"), await h.join("Cyd")];
    const f = watch(fac);
    const a = watch(people[0]!);
    fac.room.send(BreakoutMessage.plan, { groups: 3, how: "list", list: [["Ada"], ["Ben"], ["Cyd"]] });
    await eventually(() => f.state?.plan?.groups.length === 3);
    fac.room.send(BreakoutMessage.start, { seconds: 60 });
    await eventually(() => f.state?.running !== null && f.state?.running !== undefined);
    h.clock.now += 60_000;
    await eventually(() => f.state?.running === null && f.state.lastGroups === 3);

    fac.room.send(BreakoutMessage.gallery, { what: "all" }); // the training room has 2 boards: groups 1–2 first
    await eventually(() => a.gallery?.shows.length === 2);
    expect(a.gallery).toMatchObject({ page: 0, pages: 2 });
    expect(a.gallery!.shows.map((s) => [s.board, s.group])).toEqual([["front", 0], ["side", 1]]);
    fac.room.send(BreakoutMessage.gallery, { what: "all", page: 1 });
    await eventually(() => a.gallery?.page === 1);
    expect(a.gallery!.shows.map((s) => [s.board, s.group])).toEqual([["front", 2]]); // the side board shows its own again

    const dropped = h.serverRoom(fac).refusals.stats.dropped;
    const before = dropped["invalid-message"];
    fac.room.send(BreakoutMessage.gallery, { what: "all", page: 2 });
    await eventually(() => dropped["invalid-message"] === before + 1);
    people[1]!.room.send(BreakoutMessage.gallery, { what: "all", page: 0 }); // a participant may not page
    await eventually(() => dropped["not-allowed"] >= 1);
    expect(a.gallery).toMatchObject({ page: 1 });
  });
});
