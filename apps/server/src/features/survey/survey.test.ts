import { DEFAULT_SURVEY, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, type SurveyForParticipant } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { newPersonKey, startTestServer, type TestServer } from "../../test-support/harness.js";
import type { ReportPayload } from "../record/report-service.js";

const ADMIN_SECRET = "survey-admin-secret-0123456789";
const bearer = { authorization: `Bearer ${ADMIN_SECRET}` };
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const at = (p: string) => new URL(p, h!.server.url);
const json = { "content-type": "application/json" };
async function joined(n: number): Promise<void> {
  for (let i = 0; i < 400 && (await h!.server.storage.listEvents("demo", "attendance")).filter((e) => (e.body as { event: string }).event === "join").length < n; i++) await new Promise((r) => setTimeout(r, 25));
}

describe("the post-session survey", () => {
  it("is answered once per attendee, anonymously by default, and added up in the report and its CSV", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    const [adaKey, benKey, strangerKey] = [newPersonKey(), newPersonKey(), newPersonKey()];
    await h.join("Ada", {}, { personKey: adaKey });
    await h.join("Benoît", {}, { personKey: benKey });
    await joined(2);
    const link = await h.linkToken("demo", "participant");
    const as = (personKey: string) => ({ [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: personKey });
    const answer = (personKey: string, answers: unknown) => fetch(at("/api/sessions/demo/survey"), { method: "POST", headers: { ...as(personKey), ...json }, body: JSON.stringify({ answers }) });

    const read = await fetch(at("/api/sessions/demo/survey"), { headers: as(adaKey) });
    expect(read.status).toBe(200);
    const form = (await read.json()) as SurveyForParticipant;
    expect(form).toEqual({ ...DEFAULT_SURVEY, answered: false });

    // Refusals: no invitation, someone who never joined, answers that do not fit the questions.
    expect((await fetch(at("/api/sessions/demo/survey"))).status).toBe(401);
    expect((await answer(strangerKey, { overall: 5 })).status).toBe(403);
    expect((await answer(adaKey, { overall: 9 })).status).toBe(400);
    expect((await answer(adaKey, { nope: 1 })).status).toBe(400);
    expect((await answer(adaKey, { improve: "x".repeat(1001) })).status).toBe(400);

    h.clock.now += 60_000; // the refusals spent Ada's burst of requests
    expect((await answer(adaKey, { overall: 5, useful: 4, pace: 1, improve: "Plus de pauses, s’il vous plaît" })).status).toBe(201);
    expect((await answer(adaKey, { overall: 1 })).status).toBe(409); // once per person
    expect((await answer(benKey, { overall: 3, pace: 2 })).status).toBe(201);
    expect(((await (await fetch(at("/api/sessions/demo/survey"), { headers: as(adaKey) })).json()) as SurveyForParticipant).answered).toBe(true);

    // Anonymous: nothing stored says who answered.
    const stored = await h.server.storage.listDocuments<Record<string, unknown>>("demo", "survey-answers");
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toMatch(/Ada|Beno/);

    const report = (await (await fetch(at("/api/sessions/demo/report"), { headers: bearer })).json()) as ReportPayload;
    expect(report.survey.summary.respondents).toBe(2);
    expect(report.survey.summary.questions.find((q) => q.id === "overall")).toEqual({ id: "overall", kind: "rating", answered: 2, mean: 4, counts: [0, 0, 1, 0, 1] });
    expect(report.survey.summary.questions.find((q) => q.id === "pace")).toMatchObject({ counts: [0, 1, 1] });
    expect(report.survey.summary.questions.find((q) => q.id === "improve")).toMatchObject({ texts: [{ text: "Plus de pauses, s’il vous plaît" }] });

    const csv = await (await fetch(at("/api/sessions/demo/survey.csv"), { headers: bearer })).text();
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe('"name","overall","useful","comfort","pace","improve"');
    expect(lines.slice(1).sort()).toEqual(['"","3","","","fast",""', '"","5","4","","right","Plus de pauses, s’il vous plaît"'].sort());
    expect((await fetch(at("/api/sessions/demo/survey.csv"))).status).toBe(401);
  });

  it("takes the facilitator's own questions, keeps names when the survey is named, and slows a flood down", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    const adaKey = newPersonKey();
    await h.join("Ada", {}, { personKey: adaKey });
    await joined(1);
    const facLink = await h.linkToken("demo", "facilitator");
    const own = { named: true, questions: [{ id: "venue", kind: "choice", text: "Where did you join from?", options: ["Home", "Office"] }] };
    expect((await fetch(at("/api/sessions/demo/survey-settings"), { method: "POST", headers: { "x-otc-facilitator-link": facLink, ...json }, body: JSON.stringify(own) })).status).toBe(200);
    expect((await fetch(at("/api/sessions/demo/survey-settings"), { method: "POST", headers: { ...bearer, ...json }, body: JSON.stringify({ questions: [] }) })).status).toBe(400);
    const partLink = await h.linkToken("demo", "participant");
    expect((await fetch(at("/api/sessions/demo/survey-settings"), { method: "POST", headers: { "x-otc-facilitator-link": partLink, ...json }, body: JSON.stringify(own) })).status).toBe(401);

    const as = { [SLIDE_LINK_HEADER]: partLink, [SLIDE_PERSON_HEADER]: adaKey };
    expect(((await (await fetch(at("/api/sessions/demo/survey"), { headers: as })).json()) as SurveyForParticipant).questions[0]).toMatchObject({ id: "venue", text: "Where did you join from?" });
    expect((await fetch(at("/api/sessions/demo/survey"), { method: "POST", headers: { ...as, ...json }, body: JSON.stringify({ answers: { venue: 1 } }) })).status).toBe(201);
    const csv = await (await fetch(at("/api/sessions/demo/survey.csv"), { headers: bearer })).text();
    expect(csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n")).toEqual(['"name","venue"', '"Ada","Office"']);

    // The rate: 6 at once, then refused until time passes (the clock is the rooms' injected one).
    let refused = 0;
    for (let i = 0; i < 10; i++) if ((await fetch(at("/api/sessions/demo/survey"), { headers: as })).status === 429) refused++;
    expect(refused).toBeGreaterThanOrEqual(5);
    h.clock.now += 60_000;
    expect((await fetch(at("/api/sessions/demo/survey"), { headers: as })).status).toBe(200);
  });
});
