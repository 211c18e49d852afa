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
});
