import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PollsMessage, PollsServerMessage, type PollCreateMessage, type PollView, type PollsMinePayload, type PollsStatePayload } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";
import { POLL_ANSWERS_COLLECTION } from "./poll-store.js";

const ADMIN_SECRET = "polls-admin-secret-0123456789";
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** What a client last heard of the polls (the public view) and of its own answers. */
function watch(c: TestClient) {
  const seen: { state: PollsStatePayload; mine: PollsMinePayload } = { state: { polls: [], screens: {}, leaderboard: [] }, mine: {} };
  c.room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => void (seen.state = s));
  c.room.onMessage(PollsServerMessage.mine, (m: PollsMinePayload) => void (seen.mine = m));
  c.room.send(PollsMessage.pollsSync, {});
  return seen;
}
const poll = (seen: ReturnType<typeof watch>, question = "Best fruit?"): PollView | undefined => seen.state.polls.find((p) => p.question === question);
const create = (c: TestClient, over: Partial<PollCreateMessage> = {}) =>
  c.room.send(PollsMessage.create, { question: "Best fruit?", kind: "single", options: ["Apple", "Pear"], anonymous: false, correct: [], launch: true, screenId: "main", ...over });

async function room(dataDir?: string) {
  h = await startTestServer({ adminSecret: ADMIN_SECRET, ...(dataDir ? { dataDir } : {}) });
  const fac = await h.join("Fatou", {}, { kind: "facilitator" });
  const patKey = newPersonKey();
  const pat = await h.join("Pablo", {}, { personKey: patKey });
  return { h, fac, pat, patKey, facSeen: watch(fac), patSeen: watch(pat) };
}

describe("polls in the room", () => {
  it("takes one answer per person: answering again replaces the earlier one, for everyone to see", async () => {
    const { h, fac, pat, facSeen, patSeen } = await room();
    create(fac);
    await eventually(() => poll(patSeen)?.status === "open");
    const id = poll(patSeen)!.id;
    expect(patSeen.state.screens.main).toEqual({ pollId: id, view: "results" });
    pat.room.send(PollsMessage.answer, { pollId: id, choices: [0] });
    fac.room.send(PollsMessage.answer, { pollId: id, choices: [0] });
    await eventually(() => poll(facSeen)?.responses === 2);
    expect(poll(facSeen)?.counts).toEqual([2, 0]);
    pat.room.send(PollsMessage.answer, { pollId: id, choices: [1] });
    await eventually(() => poll(facSeen)?.counts[1] === 1);
    expect(poll(facSeen)).toMatchObject({ counts: [1, 1], responses: 2 });
    expect(patSeen.mine[id]).toEqual({ choices: [1] });
    // stored before shown: one answer document per person
    expect(await h.server.storage.listDocuments("demo", POLL_ANSWERS_COLLECTION)).toHaveLength(2);
  });

  it("refuses a participant's create, launch, close and show with a reason, counted, and changes nothing", async () => {
    const { h, fac, pat, patSeen } = await room();
    create(fac, { launch: false });
    await eventually(() => poll(patSeen)?.status === "draft");
    const id = poll(patSeen)!.id;
    create(pat, { question: "Mine?" });
    pat.room.send(PollsMessage.launch, { pollId: id, screenId: null });
    pat.room.send(PollsMessage.close, { pollId: id });
    pat.room.send(PollsMessage.show, { screenId: "main", pollId: id, view: "leaderboard" });
    const refusals = h.serverRoom(pat).refusals.stats.dropped;
    await eventually(() => refusals["not-allowed"] === 4 && pat.notices.length > 0);
    expect(pat.notices[0]).toMatchObject({ code: "not-allowed" });
    expect(String(pat.notices[0]!.params?.["detail"])).toMatch(/only a facilitator or co-facilitator can run polls/);
    await sleep(100);
    expect(patSeen.state.polls.map((p) => [p.question, p.status])).toEqual([["Best fruit?", "draft"]]);
    expect(patSeen.state.screens).toEqual({});
    pat.room.send(PollsMessage.answer, { pollId: id, choices: [0] }); // not launched yet
    await eventually(() => refusals["invalid-message"] === 1);
  });

  it("freezes the results when closed: later answers are refused and the counts stay", async () => {
    const { h, fac, pat, facSeen, patSeen } = await room();
    create(fac, { correct: [1] });
    await eventually(() => poll(patSeen)?.status === "open");
    const id = poll(patSeen)!.id;
    expect(poll(patSeen)?.correct).toEqual([]); // the quiz answer is not given away while open
    pat.room.send(PollsMessage.answer, { pollId: id, choices: [1] });
    await eventually(() => poll(facSeen)?.responses === 1);
    fac.room.send(PollsMessage.close, { pollId: id });
    await eventually(() => poll(patSeen)?.status === "closed");
    expect(poll(patSeen)).toMatchObject({ correct: [1], counts: [0, 1] });
    expect(patSeen.state.leaderboard).toEqual([{ name: "Pablo", score: 1 }]);
    pat.room.send(PollsMessage.answer, { pollId: id, choices: [0] });
    fac.room.send(PollsMessage.answer, { pollId: id, choices: [0] });
    await eventually(() => h.serverRoom(pat).refusals.stats.dropped["invalid-message"] === 2);
    await sleep(100);
    expect(poll(facSeen)).toMatchObject({ counts: [0, 1], responses: 1 });
  });

  it("cleans open answers and counts their words for the cloud", async () => {
    const { fac, pat, facSeen } = await room();
    create(fac, { question: "One word?", kind: "text", options: [] });
    await eventually(() => poll(facSeen, "One word?")?.status === "open");
    const id = poll(facSeen, "One word?")!.id;
    pat.room.send(PollsMessage.answer, { pollId: id, text: "<img src=x>\u0000 Trust" });
    fac.room.send(PollsMessage.answer, { pollId: id, text: "trust, teamwork" });
    await eventually(() => poll(facSeen, "One word?")?.responses === 2);
    expect(poll(facSeen, "One word?")?.words).toEqual([["trust", 2], ["img", 1], ["src", 1], ["teamwork", 1]]);
  });

  it("restores polls, answers and screens after a server restart", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-polls-restart-"));
    try {
      const first = await room(dataDir);
      create(first.fac);
      await eventually(() => poll(first.patSeen)?.status === "open");
      const id = poll(first.patSeen)!.id;
      first.pat.room.send(PollsMessage.answer, { pollId: id, choices: [1] });
      await eventually(() => poll(first.facSeen)?.responses === 1);
      await first.h.close();
      h = await startTestServer({ dataDir });
      const again = await h.join("Pablo", {}, { personKey: first.patKey });
      const seen = watch(again);
      await eventually(() => poll(seen)?.responses === 1 && seen.mine[id] !== undefined);
      expect(poll(seen)).toMatchObject({ status: "open", counts: [0, 1] });
      expect(seen.state.screens.main?.pollId).toBe(id);
      expect(seen.mine[id]).toEqual({ choices: [1] });
      again.room.send(PollsMessage.answer, { pollId: id, choices: [0] }); // still one answer: replaced, not added
      await eventually(() => poll(seen)?.counts[0] === 1);
      expect(poll(seen)?.responses).toBe(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("polls in the console", () => {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${h!.server.url}/api/sessions/demo${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json", ...init.headers } });

  it("prepares a question ahead that the room launches, and exports every answer as CSV", async () => {
    const { fac, pat, facSeen } = await room();
    const made = await api("/polls", { method: "POST", body: JSON.stringify({ question: "Ready?", kind: "rating", options: [], anonymous: false }) });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as PollView;
    const again = await h!.join("Fatou", {}, { kind: "facilitator" }); // a facilitator's arrival picks up drafts
    const seen = watch(again);
    await eventually(() => seen.state.polls.some((p) => p.id === id));
    fac.room.send(PollsMessage.launch, { pollId: id, screenId: "main" });
    await eventually(() => poll(facSeen, "Ready?")?.status === "open");
    pat.room.send(PollsMessage.answer, { pollId: id, choices: [4] });
    await eventually(() => poll(facSeen, "Ready?")?.counts[4] === 1);
    const csv = await api("/polls.csv");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[1]).toMatch(/^"[0-9a-f-]+","Ready\?","rating","open","Pablo","5","",/);
    expect((await fetch(`${h!.server.url}/api/sessions/demo/polls.csv`)).status).toBe(401);
    expect((await api("/polls", { method: "POST", body: JSON.stringify({ question: "Bad", kind: "single", options: ["one"], anonymous: false }) })).status).toBe(400);
  });
});
