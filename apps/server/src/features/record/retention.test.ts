import { ChatMessage, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { newPersonKey, startTestServer, type TestServer } from "../../test-support/harness.js";
import { sweepRetention } from "./retention.js";

const ADMIN_SECRET = "retention-admin-secret-0123456789";
const DAY = 86_400_000;
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
}

describe("retention of the training record", () => {
  it("deletes attendance, engagement, chat, poll and survey answers and sent statements older than N days, and keeps newer ones", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET }); // real SQLite in a temporary data directory; the clock is the test's
    const storage = h.server.storage;
    const t0 = h.clock.now;
    const adaKey = newPersonKey();
    const ada = await h.join("Ada", {}, { personKey: adaKey });
    ada.room.send(ChatMessage.chatSend, { text: "Bonjour", to: "everyone" });
    await until(async () => (await storage.listDocuments("demo", "chat")).length === 1);
    const link = await h.linkToken("demo", "participant");
    const survey = await fetch(new URL("/api/sessions/demo/survey", h.server.url), { method: "POST", headers: { [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: adaKey, "content-type": "application/json" }, body: JSON.stringify({ answers: { overall: 4 } }) });
    expect(survey.status).toBe(201);
    await storage.appendEvent("demo", "engagement", { personId: "p", kind: "hand" }, t0);
    await storage.queueStatements([
      { id: "00000000-0000-4000-8000-000000000001", sessionId: "demo", body: {}, at: t0 },
      { id: "00000000-0000-4000-8000-000000000002", sessionId: "demo", body: {}, at: t0 },
    ]);
    await storage.markStatementsSent(["00000000-0000-4000-8000-000000000001"], t0);

    // Ten days later a second session runs; then the sweep keeps 30 days.
    h.clock.now = t0 + 10 * DAY;
    await storage.appendEvent("demo", "attendance", { event: "alive" }, h.clock.now);
    const attendanceBefore = (await storage.listEvents("demo", "attendance")).length;

    // Nothing is 30 days old a day before (an anonymous survey answer keeps only its day, so it may go up to a day early).
    expect(await sweepRetention(storage, t0 + 29 * DAY, 30)).toEqual({ events: 0, documents: 0, statements: 0 });
    const swept = await sweepRetention(storage, t0 + 35 * DAY, 30);
    expect(swept.events).toBe(attendanceBefore - 1 + 1); // all attendance but the later heartbeat, and the hand raise
    expect(swept.documents).toBe(2); // her chat message and her survey answer
    expect(swept.statements).toBe(1); // the sent statement; the unsent one waits to be sent
    expect((await storage.listEvents("demo", "attendance")).map((e) => e.at)).toEqual([t0 + 10 * DAY]);
    expect(await storage.listEvents("demo", "engagement")).toEqual([]);
    expect(await storage.listDocuments("demo", "chat")).toEqual([]);
    expect(await storage.listDocuments("demo", "survey-answers")).toEqual([]);
    expect(await storage.pendingStatements()).toBe(1);

    // The report now shows nobody; the session itself stays.
    const report = (await (await fetch(new URL("/api/sessions/demo/report", h.server.url), { headers: { authorization: `Bearer ${ADMIN_SECRET}` } })).json()) as { report: { rows: unknown[] } };
    expect(report.report.rows).toEqual([]);
    expect(await storage.getSession("demo")).toBeDefined();

    // Forty days on, the heartbeat goes too.
    expect((await sweepRetention(storage, t0 + 41 * DAY, 30)).events).toBe(1);
  });

  it("keeps a session's personal data for its own days (set in the console), others for the server default", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET, recordRetentionDays: 30 });
    const storage = h.server.storage;
    const t0 = h.clock.now;
    const admin = { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" };
    const setRetention = (id: string, body: unknown, headers: Record<string, string> = admin) =>
      fetch(new URL(`/api/sessions/${id}/retention`, h!.server.url), { method: "POST", headers, body: JSON.stringify(body) });
    await h.join("Ada", { sessionId: "week" });
    await h.join("Ben", { sessionId: "month" });
    const present = async (id: string) => (await storage.listEvents(id, "attendance")).length;
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

    // Six days on nothing goes; eight days on the week's session has lost its people, the other has not.
    expect(await sweepRetention(storage, t0 + 6 * DAY, 30)).toEqual({ events: 0, documents: 0, statements: 0 });
    expect((await sweepRetention(storage, t0 + 8 * DAY, 30)).events).toBeGreaterThan(0);
    expect(await present("week")).toBe(0);
    expect(await present("month")).toBeGreaterThan(0);
    const report = (await (await fetch(new URL("/api/sessions/week/report", h.server.url), { headers: admin })).json()) as { report: { rows: unknown[] } };
    expect(report.report.rows).toEqual([]);

    // Past the server's 30 days the other goes too; clearing a session's own value returns it to the default.
    await sweepRetention(storage, t0 + 31 * DAY, 30);
    expect(await present("month")).toBe(0);
    expect(await (await setRetention("week", { days: null })).json()).toEqual({ days: null, serverDays: 30 });
    expect((await storage.getSession("week"))?.retentionDays).toBeNull();
  });
});
