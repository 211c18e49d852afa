import http from "node:http";
import type { AddressInfo } from "node:net";
import validation from "@learninglocker/xapi-validation";
import { ChatMessage, PollsMessage, PollsServerMessage, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, type PollsStatePayload } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, startTestServer, type TestServer } from "../../../test-support/harness.js";
import { RECORD_COLLECTION } from "../certificates.js";
import { XapiRecorder } from "./xapi-recorder.js";

const ADMIN_SECRET = "xapi-admin-secret-0123456789";
const MIN = 60_000;
const bearer = { authorization: `Bearer ${ADMIN_SECRET}` };
// The package is CommonJS with a default export; either interop shape ends at the function.
type Validate = (data: unknown) => unknown[];
const validate = ((validation as unknown as { default?: Validate }).default ?? (validation as unknown as Validate)) as Validate;

interface Lrs {
  url: string;
  /** Every statement received with a 2xx answer, in order (a duplicate would show twice). */
  received: { id: string; body: Record<string, unknown> }[];
  refused: number;
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** A stand-in Learning Record Store that answers 503 to its first `outage` requests. */
async function startLrs(outage: number): Promise<Lrs> {
  const lrs: Omit<Lrs, "url" | "close"> = { received: [], refused: 0, headers: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      lrs.headers.push(req.headers);
      if (req.method !== "POST" || req.url !== "/xapi/statements") return void res.writeHead(404).end();
      if (lrs.refused < outage) {
        lrs.refused++;
        return void res.writeHead(503).end("down for maintenance");
      }
      const statements = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>[];
      for (const s of statements) lrs.received.push({ id: String(s.id), body: s });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(statements.map((s) => s.id)));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { ...lrs, get received() { return lrs.received; }, get refused() { return lrs.refused; }, url: `http://127.0.0.1:${port}/xapi`, close: () => new Promise((r) => server.close(() => r())) } as Lrs;
}

let h: TestServer | undefined;
let lrs: Lrs | undefined;
afterEach(async () => {
  await h?.close();
  await lrs?.close();
  h = lrs = undefined;
});

/** Fatou, Ada and Benoît; Benoît writes once, Ada and Benoît answer a quiz, Benoît leaves at 30 of 60 minutes; the session ends. */
async function scriptedSession(t: TestServer): Promise<void> {
  const t0 = t.clock.now;
  const fac = await t.join("Fatou", {}, { kind: "facilitator" });
  const ada = await t.join("Ada");
  const ben = await t.join("Benoît");
  let polls: PollsStatePayload = { polls: [], screens: {}, leaderboard: [] };
  ada.room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => void (polls = s));
  ada.room.send(PollsMessage.pollsSync, {});
  fac.room.send(PollsMessage.create, { question: "2 + 2?", kind: "single", options: ["3", "4"], anonymous: false, correct: [1], launch: true, screenId: "main" });
  await eventually(() => polls.polls.some((p) => p.status === "open"));
  ada.room.send(PollsMessage.answer, { pollId: polls.polls[0]!.id, choices: [1] });
  ben.room.send(PollsMessage.answer, { pollId: polls.polls[0]!.id, choices: [0] });
  ben.room.send(ChatMessage.chatSend, { text: "Merci !", to: "everyone" });
  await eventually(() => polls.polls[0]?.responses === 2);
  t.clock.now = t0 + 30 * MIN;
  await ben.room.leave();
  for (let i = 0; i < 400 && (await t.server.storage.listEvents("demo", "attendance")).length < 5; i++) await new Promise((r) => setTimeout(r, 25));
  t.clock.now = t0 + 60 * MIN;
  const ended = await fetch(new URL("/api/sessions/demo/end", t.server.url), { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: "{}" });
  expect(ended.ok).toBe(true);
}

describe("xAPI learning records", () => {
  it("reach the LRS exactly once each, valid, through an outage (503s and backoff)", async () => {
    lrs = await startLrs(3);
    h = await startTestServer({ adminSecret: ADMIN_SECRET, xapi: { endpoint: lrs.url, key: "otc", secret: "s3cret", everyMs: 20, firstDelayMs: 1000 } });
    await scriptedSession(h);
    const storage = h.server.storage;
    // The clock only moves when the test moves it: each step lets the next retry fall due.
    await eventually(
      () => {
        h!.clock.now += 5_000;
        return lrs!.refused === 3 && lrs!.received.length > 0;
      },
      20_000,
      "the LRS to come back",
    );
    for (let i = 0; i < 400 && (await storage.pendingStatements()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await storage.pendingStatements()).toBe(0);

    // 3 attended + 3 exited + 2 completed (Fatou, Ada: 100 %; Benoît 50 %) + 2 answered + 1 commented.
    const ids = lrs.received.map((r) => r.id);
    expect(ids).toHaveLength(11);
    expect(new Set(ids).size).toBe(11);
    const verbs = lrs.received.map((r) => String((r.body.verb as { id: string }).id).split("/").pop()).sort();
    expect(verbs).toEqual(["answered", "answered", "attended", "attended", "attended", "commented", "completed", "completed", "exited", "exited", "exited"]);
    for (const r of lrs.received) expect(validate(r.body), JSON.stringify(r.body)).toEqual([]);
    expect(validate({ ...lrs.received[0]!.body, actor: { name: "no identifier" } })).not.toEqual([]); // the validator does refuse
    const benAttended = lrs.received.find((r) => (r.body.actor as { name: string }).name === "Benoît" && String((r.body.verb as { id: string }).id).endsWith("attended"))!;
    expect(benAttended.body.result).toEqual({ duration: "PT30M" });
    expect(lrs.headers[0]!["x-experience-api-version"]).toBe("1.0.3");
    expect(lrs.headers[0]!.authorization).toBe(`Basic ${Buffer.from("otc:s3cret").toString("base64")}`);

    // Queuing the session again (as after a crash before it was marked) adds nothing: the ids are stable.
    await storage.deleteDocument("demo", RECORD_COLLECTION, "xapi-queued");
    const again = new XapiRecorder({ storage, now: () => h!.clock.now, mergeGapMs: 30_000, homePage: () => h!.server.url, log: () => undefined });
    expect(await again.queueEnded()).toBe(0);
    expect(await storage.pendingStatements()).toBe(0);
  });

  it("names a person by the email they gave at join where the session asks for one (mbox); refuses a malformed one; ignores one elsewhere", async () => {
    lrs = await startLrs(0);
    h = await startTestServer({ adminSecret: ADMIN_SECRET, xapi: { endpoint: lrs.url, key: "otc", secret: "s3cret", everyMs: 20, firstDelayMs: 1000 } });
    const at = (p: string) => new URL(p, h!.server.url);
    const json = { ...bearer, "content-type": "application/json" };
    const ask = (id: string, body: unknown, headers: Record<string, string> = json) => fetch(at(`/api/sessions/${id}/ask-email`), { method: "POST", headers, body: JSON.stringify(body) });
    const link = await h.linkToken("demo");
    await h.linkToken("plain");
    expect((await ask("demo", { askEmail: "yes" })).status).toBe(400);
    expect((await ask("demo", { askEmail: true }, { "content-type": "application/json" })).status).toBe(401);
    expect(await (await ask("demo", { askEmail: true })).json()).toEqual({ askEmail: true });
    // The join screen learns whether to ask, with its invitation only.
    const form = (headers: Record<string, string>) => fetch(at("/api/sessions/demo/join-form"), { headers });
    expect(await (await form({ [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: newPersonKey() })).json()).toEqual({ askEmail: true });
    expect((await form({ [SLIDE_PERSON_HEADER]: newPersonKey() })).status).toBe(401);

    const ada = await h.join("Ada", { email: "  ada.lovelace@example.org " });
    await expect(h.join("Benoît", { email: "benoit@example" })).rejects.toThrow(/^invalid-email: email: not an email address/);
    await expect(h.join("Benoît", { email: "ben oit@example.org" })).rejects.toThrow(/invalid-email/);
    await h.join("Benoît");
    const chloe = await h.join("Chloé", { sessionId: "plain", email: "chloe@example.org" });
    await eventually(() => chloe.room.state.participants.size === 1);
    const joins = async (id: string) => (await h!.server.storage.listEvents<{ event: string; name?: string; email?: string }>(id, "attendance")).filter((e) => e.body.event === "join").map((e) => [e.body.name, e.body.email]);
    for (let i = 0; i < 400 && (await joins("demo")).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await joins("demo")).toEqual([["Ada", "ada.lovelace@example.org"], ["Benoît", undefined]]);
    expect(await joins("plain")).toEqual([["Chloé", undefined]]);
    // Only facilitators and the console read it: the room's state does not carry it.
    expect(JSON.stringify(ada.room.state.toJSON())).not.toContain("example.org");
    const report = (await (await fetch(at("/api/sessions/demo/report"), { headers: bearer })).json()) as { report: { rows: { name: string; email?: string }[] } };
    expect(report.report.rows.map((r) => [r.name, r.email])).toEqual([["Ada", "ada.lovelace@example.org"], ["Benoît", undefined]]);

    h.clock.now += 30 * MIN;
    for (const id of ["demo", "plain"]) expect((await fetch(at(`/api/sessions/${id}/end`), { method: "POST", headers: json, body: "{}" })).ok).toBe(true);
    await eventually(() => ((h!.clock.now += 5_000), lrs!.received.length >= 9), 20_000, "the statements of both sessions"); // 3 × attended, exited, completed
    const actors = new Map(lrs.received.map((r) => [(r.body.actor as { name: string }).name, r.body.actor as Record<string, unknown>]));
    expect(actors.get("Ada")).toEqual({ objectType: "Agent", name: "Ada", mbox: "mailto:ada.lovelace@example.org" });
    expect(actors.get("Benoît")).toMatchObject({ account: { homePage: h.server.url.replace(/\/+$/, "") } });
    expect(actors.get("Chloé")).toMatchObject({ account: { homePage: h.server.url.replace(/\/+$/, "") } });
    for (const r of lrs.received) expect(validate(r.body), JSON.stringify(r.body)).toEqual([]);
    expect(validate({ ...lrs.received[0]!.body, actor: { objectType: "Agent", mbox: "ada.lovelace@example.org" } })).not.toEqual([]); // an mbox without mailto: is refused

    // Erasing Ada erases her email too.
    const adaId = report.report.rows.find((r) => r.name === "Ada") as unknown as { personId: string };
    expect((await fetch(at(`/api/sessions/demo/report/people/${adaId.personId}/forget`), { method: "POST", headers: bearer })).ok).toBe(true);
    expect(JSON.stringify(await h.server.storage.listEvents("demo", "attendance"))).not.toContain("example.org");
    // Queued again (as after a crash), the session adds nothing: a pseudonym is nobody an LMS could know.
    await h.server.storage.deleteDocument("demo", RECORD_COLLECTION, "xapi-queued");
    expect(await new XapiRecorder({ storage: h.server.storage, now: () => h!.clock.now, mergeGapMs: 30_000, homePage: () => h!.server.url, log: () => undefined }).queueEnded()).toBe(0);
  });

  it("queues and sends nothing when no LRS is configured", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    await scriptedSession(h);
    expect(await h.server.storage.pendingStatements()).toBe(0);
    expect(await h.server.storage.getDocument("demo", RECORD_COLLECTION, "xapi-queued")).toBeUndefined();
  });
});
