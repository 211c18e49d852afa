import { AvatarMessage, ChatMessage, PollsMessage, PollsServerMessage, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, type PollsStatePayload } from "@otc/contract";
import type { ReportRow } from "@otc/record";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, startTestServer, type TestServer } from "../../test-support/harness.js";
import type { ReportPayload } from "./report-service.js";
import { sweepRetention } from "./retention.js";

const ADMIN_SECRET = "retention-admin-secret-0123456789";
const DAY = 86_400_000;
const MIN = 60_000;
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
}
const admin = { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" };
async function reportOf(id: string): Promise<ReportPayload> {
  return (await (await fetch(new URL(`/api/sessions/${id}/report`, h!.server.url), { headers: admin })).json()) as ReportPayload;
}
/** What the report counts per person, names and ids aside, longest present first. */
const figures = (r: ReportPayload) => r.report.rows.map(({ presentMs, share, joins, leaves, devices, role, hands, reactions, chat, polls, quizRight, talkSeconds }: ReportRow) => ({ presentMs, share, joins, leaves, devices, role, hands, reactions, chat, polls, quizRight, talkSeconds }));

describe("retention of the training record", () => {
  it("past the window makes a session's people anonymous and keeps every count; before it nothing changes; a second sweep changes nothing", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET }); // real SQLite in a temporary data directory; the clock is the test's
    const storage = h.server.storage;
    const t0 = h.clock.now;
    const adaKey = newPersonKey();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    await h.server.storage.setSessionAskEmail("demo", true);
    const ada = await h.join("Ada", { device: "vr", email: "ada@example.org" }, { personKey: adaKey });
    let polls: PollsStatePayload = { polls: [], screens: {}, leaderboard: [] };
    ada.room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => void (polls = s));
    ada.room.send(PollsMessage.pollsSync, {});

    // Ada raises her hand, writes in the chat, answers a free-text poll and the survey (with a comment).
    h.clock.now = t0 + 5 * MIN;
    ada.room.send(AvatarMessage.handRaise, { raised: true });
    await eventually(() => fac.room.state.participants.get(ada.room.sessionId)?.handRaised === true);
    ada.room.send(ChatMessage.chatSend, { text: "Bonjour, ici Ada", to: "everyone" });
    fac.room.send(PollsMessage.create, { question: "Why?", kind: "text", options: [], anonymous: false, correct: [], launch: true, screenId: "main" });
    await eventually(() => polls.polls.some((p) => p.status === "open"));
    ada.room.send(PollsMessage.answer, { pollId: polls.polls[0]!.id, text: "Because Ada says so" });
    await until(async () => (await storage.listDocuments("demo", "chat")).length === 1 && (await storage.listDocuments("demo", "poll-answers")).length === 1);
    const link = await h.linkToken("demo", "participant");
    const survey = await fetch(new URL("/api/sessions/demo/survey", h.server.url), { method: "POST", headers: { [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: adaKey, "content-type": "application/json" }, body: JSON.stringify({ answers: { overall: 4, improve: "Ada would like more breaks" } }) });
    expect(survey.status).toBe(201);
    h.clock.now = t0 + 30 * MIN;
    await ada.room.leave();
    await until(async () => (await storage.listEvents<{ event: string }>("demo", "attendance")).some((e) => e.body.event === "leave"));
    h.clock.now = t0 + 60 * MIN;
    expect((await fetch(new URL("/api/sessions/demo/end", h.server.url), { method: "POST", headers: admin, body: "{}" })).status).toBeLessThan(300);
    await storage.queueStatements([
      { id: "00000000-0000-4000-8000-000000000001", sessionId: "demo", body: {}, at: t0 },
      { id: "00000000-0000-4000-8000-000000000002", sessionId: "demo", body: {}, at: t0 },
    ]);
    await storage.markStatementsSent(["00000000-0000-4000-8000-000000000001"], t0);

    // Fatou downloads the certificates: Ada's (50 % present) counts once the share is set to 40 %.
    expect((await fetch(new URL("/api/sessions/demo/record-settings", h.server.url), { method: "POST", headers: admin, body: JSON.stringify({ certificateShare: 0.4, quizPass: null }) })).status).toBe(200);
    const before = await reportOf("demo");
    const adaRow = before.report.rows.find((r) => r.name === "Ada")!;
    expect(adaRow).toMatchObject({ presentMs: 30 * MIN, hands: 1, chat: 1, polls: 1, devices: ["vr"], email: "ada@example.org" });
    expect((await fetch(new URL(`/api/sessions/demo/certificates/${adaRow.personId}.pdf`, h.server.url), { headers: admin })).status).toBe(200);
    const [cert] = await storage.listDocuments("demo", "certificates");
    const verify = () => fetch(new URL(`/verify/demo.${cert!.key}`, h!.server.url));

    // Within 30 days nothing changes (an anonymous survey answer keeps only its day, so it may go up to a day early).
    expect(await sweepRetention(storage, t0 + 29 * DAY, 30)).toEqual({ people: 0, answers: 0, statements: 0, plans: 0 });
    expect(await reportOf("demo")).toEqual(before);

    // Past 30 days: every figure stays, under pseudonyms; no name, chat text or free-text answer is left.
    expect(await sweepRetention(storage, t0 + 31 * DAY, 30)).toEqual({ people: 2, answers: 1, statements: 1, plans: 0 });
    const after = await reportOf("demo");
    expect(figures(after)).toEqual(figures(before));
    expect(after.report.rows.map((r) => r.name)).toEqual(["", ""]);
    expect(after.report.rows.every((r) => r.personId.startsWith("erased-"))).toBe(true);
    expect(after.survey.summary).toMatchObject({ respondents: 1, questions: expect.arrayContaining([expect.objectContaining({ id: "overall", answered: 1, mean: 4 }), { id: "improve", kind: "text", answered: 1, texts: [] }]) });
    const stored = JSON.stringify([
      await storage.listEvents("demo", "attendance"),
      await storage.listEvents("demo", "engagement"),
      await storage.listDocuments("demo", "chat"),
      await storage.listDocuments("demo", "poll-answers"),
      await storage.listDocuments("demo", "survey-answers"),
      after,
    ]);
    for (const gone of ["Ada", "Fatou", adaRow.personId, "example.org", "Bonjour", "Because", "breaks"]) expect(stored).not.toContain(gone);
    expect(await (await fetch(new URL("/api/sessions/demo/report.csv", h.server.url), { headers: admin })).text()).not.toContain("Ada");
    expect(await storage.pendingStatements()).toBe(1); // the sent statement went; the unsent one waits to be sent
    // Her certificate still verifies (it is hers to show) but no longer points at her row; none is issued for a pseudonym.
    expect(await (await verify()).text()).toContain("Ada");
    expect((await storage.listDocuments<{ personId: string }>("demo", "certificates")).map((d) => d.body.personId)).toEqual([""]);
    const zip = unzipSync(new Uint8Array(await (await fetch(new URL("/api/sessions/demo/certificates.zip", h.server.url), { headers: admin })).arrayBuffer()));
    expect(Object.keys(zip)).toEqual([]);

    // A second sweep, even much later, changes nothing.
    expect(await sweepRetention(storage, t0 + 400 * DAY, 30)).toEqual({ people: 0, answers: 0, statements: 0, plans: 0 });
    expect(await reportOf("demo")).toEqual(after);
    expect(await storage.getSession("demo")).toBeDefined();
  });

  it("keeps a session's personal data for its own days (set in the console), others for the server default", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET, recordRetentionDays: 30 });
    const storage = h.server.storage;
    const t0 = h.clock.now;
    const setRetention = (id: string, body: unknown, headers: Record<string, string> = admin) =>
      fetch(new URL(`/api/sessions/${id}/retention`, h!.server.url), { method: "POST", headers, body: JSON.stringify(body) });
    await h.join("Ada", { sessionId: "week" });
    await h.join("Ben", { sessionId: "month" });
    /** People the session's report still names. */
    const present = async (id: string) => (await reportOf(id)).report.rows.filter((r) => r.name !== "").length;
    expect(await present("week")).toBeGreaterThan(0);
    expect(await present("month")).toBeGreaterThan(0);

    // Refused at the edge: not an integer day count in 1..3650, an unknown field, or no console/facilitator access.
    for (const bad of [{ days: 0 }, { days: 3651 }, { days: 1.5 }, { days: "7" }, { days: 7, extra: 1 }]) expect((await setRetention("week", bad)).status).toBe(400);
    expect((await setRetention("week", { days: 7 }, { "content-type": "application/json" })).status).toBe(401);
    const set = await setRetention("week", { days: 7 });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ days: 7, serverDays: 30 });
    const read = await fetch(new URL("/api/sessions/month/retention", h.server.url), { headers: admin });
    expect(await read.json()).toEqual({ days: null, serverDays: 30 });

    // Six days on nothing changes; eight days on the week's session names nobody (its one row stays), the other still does.
    expect(await sweepRetention(storage, t0 + 6 * DAY, 30)).toEqual({ people: 0, answers: 0, statements: 0, plans: 0 });
    expect((await sweepRetention(storage, t0 + 8 * DAY, 30)).people).toBe(1);
    expect(await present("week")).toBe(0);
    expect(await present("month")).toBeGreaterThan(0);
    expect((await reportOf("week")).report.rows).toHaveLength(1);

    // Past the server's 30 days the other goes too; clearing a session's own value returns it to the default.
    await sweepRetention(storage, t0 + 31 * DAY, 30);
    expect(await present("month")).toBe(0);
    expect(await (await setRetention("week", { days: null })).json()).toEqual({ days: null, serverDays: 30 });
    expect((await storage.getSession("week"))?.retentionDays).toBeNull();
  });
  it("leaves the people of a running room alone however long they stay; takes names out of prepared breakout plans, on Erase and past the window", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    const storage = h.server.storage;
    const t0 = h.clock.now;
    const ada = await h.join("Ada");
    const ben = await h.join("Ben");
    const plan = { id: "pairs", name: "Pairs", how: "list", seconds: 600, groups: [{ room: "training-room", people: ["Ada", " ben ", "Zoë"] }, { room: "training-room", people: ["Cy"] }] };
    await storage.putDocument("demo", "breakout-plans", "pairs", plan, t0);
    const planPeople = async () => (await storage.getDocument<typeof plan>("demo", "breakout-plans", "pairs"))!.body.groups.map((g) => g.people);

    // 31 days on, both still in the room (its claim is live): nobody is made anonymous, the plan keeps its names.
    expect(await h.server.running("demo")).toBe(true);
    expect(await sweepRetention(storage, t0 + 31 * DAY, 30, 200, h.server.running)).toEqual({ people: 0, answers: 0, statements: 0, plans: 0 });
    expect((await reportOf("demo")).report.rows.map((r) => r.name).sort()).toEqual(["Ada", "Ben"]);

    // Ben leaves and asks to be erased: his name leaves the plan too (matched as a facilitator's list is: trimmed, any case).
    await ben.room.leave();
    const benId = (await reportOf("demo")).report.rows.find((r) => r.name === "Ben")!.personId;
    const forgot = await fetch(new URL(`/api/sessions/demo/report/people/${benId}/forget`, h.server.url), { method: "POST", headers: admin });
    expect(await forgot.json()).toMatchObject({ plans: 1 });
    expect(await planPeople()).toEqual([["Ada", "Zoë"], ["Cy"]]);

    // Once the room has closed, the sweep makes Ada anonymous and empties the plan's lists; a second sweep changes nothing.
    await ada.room.leave();
    await until(async () => !(await h!.server.running("demo")));
    expect(await h.server.running("demo")).toBe(false);
    expect(await sweepRetention(storage, t0 + 31 * DAY, 30, 200, h.server.running)).toEqual({ people: 1, answers: 0, statements: 0, plans: 1 });
    expect((await reportOf("demo")).report.rows.map((r) => r.name)).toEqual(["", ""]);
    expect(await planPeople()).toEqual([[], []]);
    expect(await sweepRetention(storage, t0 + 32 * DAY, 30, 200, h.server.running)).toEqual({ people: 0, answers: 0, statements: 0, plans: 0 });
  });
});
