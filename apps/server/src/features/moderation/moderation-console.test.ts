import { JOIN_REFUSED_CODE, WAITING_ROOM_CODE, type ConsoleModerationView } from "@otc/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, startTestServer, type TestServer } from "../../test-support/harness.js";
import { personIdOf } from "../sessions/admission.js";

const ADMIN_SECRET = "moderation console secret";
let h: TestServer;
beforeEach(async () => {
  h = await startTestServer({ adminSecret: ADMIN_SECRET });
  await h.linkToken("demo"); // the session exists
});
afterEach(async () => h.close());

const api = async (path: string, body?: unknown, auth = ADMIN_SECRET) => {
  const res = await fetch(`${h.server.url}/api/sessions/demo/moderation${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${auth}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, view: (await res.json()) as ConsoleModerationView };
};

describe("moderation in the console", () => {
  it("is closed without a sign-in", async () => {
    expect((await api("", undefined, "wrong")).status).toBe(401);
    expect((await api("", { locked: true }, "wrong")).status).toBe(401);
  });

  it("sets a capacity before the session runs; the room starts with it and refuses beyond it", async () => {
    expect((await api("", { capacity: 1 })).view).toMatchObject({ live: false, capacity: 1 });
    await h.join("First");
    await expect(h.join("Second")).rejects.toMatchObject({ code: JOIN_REFUSED_CODE, message: expect.stringMatching(/^session-full/) });
  });

  it("locks a running session, lists who waits, and admits them", async () => {
    await h.join("Fatou", {}, { kind: "facilitator" });
    expect((await api("", { locked: true })).view).toMatchObject({ live: true, locked: true });
    const key = newPersonKey();
    await expect(h.join("Ann", {}, { personKey: key })).rejects.toMatchObject({ code: WAITING_ROOM_CODE });
    const waiting = (await api("")).view.waiting;
    expect(waiting.map((w) => w.name)).toEqual(["Ann"]);
    expect((await api("/admit", { personId: "nobody", admit: true })).status).toBe(404);
    expect((await api("/admit", { personId: personIdOf(key), admit: true })).view.waiting).toEqual([]);
    const ann = await h.join("Ann", {}, { personKey: key });
    await eventually(() => ann.room.state.participants.size === 2);
  });

  it("refuses a malformed change", async () => {
    expect((await api("", { capacity: 0 })).status).toBe(400);
    expect((await api("", { locked: "yes" })).status).toBe(400);
  });
});
