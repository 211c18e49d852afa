import { AvatarMessage, ChatMessage, PollsMessage, PollsServerMessage, RecordMessage, REPORT_LINK_HEADER, type PollsStatePayload } from "@otc/contract";
import { REPORT_CSV_COLUMNS, type ReportRow } from "@otc/record";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../test-support/harness.js";
import type { ReportPayload } from "./report-service.js";

const ADMIN_SECRET = "record-admin-secret-0123456789";
const MIN = 60_000;
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const bearer = { authorization: `Bearer ${ADMIN_SECRET}` };
async function get(path: string, headers: Record<string, string> = bearer) {
  return fetch(new URL(path, h!.server.url), { headers });
}
async function report(headers?: Record<string, string>): Promise<ReportPayload> {
  const res = await get("/api/sessions/demo/report", headers);
  expect(res.status).toBe(200);
  return (await res.json()) as ReportPayload;
}
const row = (r: ReportPayload, name: string): ReportRow => r.report.rows.find((x) => x.name === name)!;
/** The events are stored in the background: wait until the count the script expects is there. */
async function stored(stream: string, n: number): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await h!.server.storage.listEvents("demo", stream)).length >= n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${stream}: fewer than ${n} events stored`);
}

describe("the training record from a scripted session", () => {
  it("reports what the script did: stays, hands, reactions, chat, poll answers and the quiz score, as JSON and CSV", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    const t0 = h.clock.now;
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const ada = await h.join("Ada", { device: "vr" });
    await h.server.storage.setSessionAskEmail("demo", true); // Benoît gives an email at join; Ada, joined before, none
    const ben = await h.join("Benoît", { email: "benoit@example.org" });
    let polls: PollsStatePayload = { polls: [], screens: {}, leaderboard: [] };
    ada.room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => void (polls = s));
    ada.room.send(PollsMessage.pollsSync, {});

    // Ada raises her hand twice (lowering in between) and reacts once; Benoît writes two messages.
    h.clock.now = t0 + 5 * MIN;
    ada.room.send(AvatarMessage.handRaise, { raised: true });
    await eventually(() => fac.room.state.participants.get(ada.room.sessionId)?.handRaised === true);
    ada.room.send(AvatarMessage.handRaise, { raised: true }); // already up: not a second raise
    ada.room.send(AvatarMessage.handRaise, { raised: false });
    await eventually(() => fac.room.state.participants.get(ada.room.sessionId)?.handRaised === false);
    ada.room.send(AvatarMessage.handRaise, { raised: true });
    ada.room.send(AvatarMessage.reaction, { reaction: "clap" });
    ben.room.send(ChatMessage.chatSend, { text: "Bonjour à tous", to: "everyone" });
    ben.room.send(ChatMessage.chatSend, { text: "Une question", to: "facilitators" });

    // A quiz question: Ada right, Benoît wrong. Ada reports 12 s of speech from the mesh.
    fac.room.send(PollsMessage.create, { question: "2 + 2?", kind: "single", options: ["3", "4"], anonymous: false, correct: [1], launch: true, screenId: "main" });
    await eventually(() => polls.polls.some((p) => p.status === "open"));
    const pollId = polls.polls[0]!.id;
    ada.room.send(PollsMessage.answer, { pollId, choices: [1] });
    ben.room.send(PollsMessage.answer, { pollId, choices: [0] });
    h.clock.now = t0 + 20 * MIN;
    ada.room.send(RecordMessage.speaking, { seconds: 12 });
    await stored("engagement", 4); // 2 hands, 1 reaction, 1 talk

    // Benoît leaves after 30 min; the session ends at 60 min with Fatou and Ada still there.
    h.clock.now = t0 + 30 * MIN;
    await ben.room.leave();
    await stored("attendance", 5); // open + 3 joins + 1 leave
    h.clock.now = t0 + 60 * MIN;
    expect((await fetch(new URL("/api/sessions/demo/end", h.server.url), { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: "{}" })).status).toBeLessThan(300);

    const r = await report();
    expect(r.session.title).toBe("Test demo");
    expect(r.report.durationMs).toBe(60 * MIN);
    expect(r.report.attendees).toBe(3);
    expect(row(r, "Ada")).toMatchObject({ presentMs: 60 * MIN, share: 1, hands: 2, reactions: 1, chat: 0, polls: 1, quizRight: 1, quizScore: 1, talkSeconds: 12, devices: ["vr"] });
    expect(row(r, "Benoît")).toMatchObject({ presentMs: 30 * MIN, share: 0.5, hands: 0, chat: 2, polls: 1, quizRight: 0, quizScore: 0, joins: 1, leaves: 1, devices: ["desktop"] });
    expect(row(r, "Fatou")).toMatchObject({ role: "facilitator", presentMs: 60 * MIN, polls: 0, quizScore: 0 });

    const csvRes = await get("/api/sessions/demo/report.csv");
    expect(csvRes.headers.get("content-type")).toMatch(/text\/csv; charset=utf-8/);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csvRes.arrayBuffer());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = csv.slice(1).trimEnd().split("\r\n").map((l) => l.split(",").map((c) => c.replace(/^"|"$/g, "")));
    expect(header).toEqual([...REPORT_CSV_COLUMNS]);
    const benLine = lines.find((l) => l[1] === "Benoît")!;
    const col = (name: (typeof REPORT_CSV_COLUMNS)[number]) => benLine[REPORT_CSV_COLUMNS.indexOf(name)];
    expect([col("minutes_present"), col("share_present"), col("chat_messages"), col("poll_answers"), col("quiz_score")]).toEqual(["30.0", "0.500", "2", "1", "0.000"]);
    expect(col("email")).toBe("benoit@example.org");
    expect(lines.find((l) => l[1] === "Ada")![REPORT_CSV_COLUMNS.indexOf("email")]).toBe("");

    // Benoît asks to be erased: his row loses who he was, the session's counts stay.
    const forgot = await fetch(new URL(`/api/sessions/demo/report/people/${row(r, "Benoît").personId}/forget`, h.server.url), { method: "POST", headers: bearer });
    expect(await forgot.json()).toEqual({ events: 2, messages: 2, answers: 1, certificates: 0, plans: 0 });
    const after = await report();
    expect(after.report.rows.map((x) => x.name).sort()).toEqual(["", "Ada", "Fatou"]);
    expect(row(after, "")).toMatchObject({ presentMs: 30 * MIN, chat: 2, polls: 1, quizRight: 0 });
    expect(row(after, "")!.personId).not.toBe(row(r, "Benoît").personId);
    const erasedCsv = await (await get("/api/sessions/demo/report.csv")).text();
    expect(erasedCsv).not.toContain("Benoît");
    expect(erasedCsv).not.toContain("benoit@example.org");
    const chat = await h.server.storage.listDocuments<{ entry: { text: string } }>("demo", "chat");
    expect(chat.map((d) => d.body.entry.text)).toEqual(["", ""]);
  });

  it("opens the report to the console and the session's current facilitator link only", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    await h.join("Ada");
    const facLink = await h.linkToken("demo", "facilitator");
    const partLink = await h.linkToken("demo", "participant");
    expect((await get("/api/sessions/demo/report", {})).status).toBe(401);
    expect((await get("/api/sessions/demo/report", { [REPORT_LINK_HEADER]: partLink })).status).toBe(401);
    expect((await get("/api/sessions/demo/report", { [REPORT_LINK_HEADER]: `${facLink}x` })).status).toBe(401);
    expect((await get("/api/sessions/demo/report.csv", {})).status).toBe(401);
    expect((await get("/api/sessions/nope/report", {})).status).toBe(401);
    expect((await get("/api/sessions/nope/report")).status).toBe(404);
    const byLink = await report({ [REPORT_LINK_HEADER]: facLink });
    expect(byLink.report.rows.map((x) => x.name)).toEqual(["Ada"]);
  });
});
