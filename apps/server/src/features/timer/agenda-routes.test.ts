import { TimerMessage, TimerServerMessage, type TimerStatePayload } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../test-support/harness.js";

const ADMIN_SECRET = "agenda-admin-secret-0123456789ab";
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("the agenda prepared in the console", () => {
  it("is stored before the session, cleaned and bounded, and is the agenda people see when the room opens", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    await h.linkToken("demo");
    const put = (body: unknown) => fetch(`${h!.server.url}/api/sessions/demo/agenda`, { method: "PUT", body: JSON.stringify(body), headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" } });
    expect((await put({ items: Array.from({ length: 31 }, () => ({ title: "x", minutes: 1 })) })).status).toBe(400);
    expect((await fetch(`${h.server.url}/api/sessions/demo/agenda`, { method: "PUT", body: "{}", headers: { "content-type": "application/json" } })).status).toBe(401);
    const saved = await put({ items: [{ title: "Welcome\u0007", minutes: 5 }, { title: "Group work", minutes: 20 }] });
    expect(saved.status).toBe(200);
    const pat = await h.join("Pablo");
    const seen: { state: TimerStatePayload | null } = { state: null };
    pat.room.onMessage(TimerServerMessage.state, (s: TimerStatePayload) => void (seen.state = s));
    pat.room.send(TimerMessage.timerSync, {});
    await eventually(() => seen.state !== null);
    expect(seen.state!.agenda).toEqual({ items: [{ title: "Welcome", minutes: 5 }, { title: "Group work", minutes: 20 }], current: -1 });
  });

  it("reaches a room already open: everyone sees the console's agenda at once, the current item kept", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    await h.linkToken("demo");
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const pat = await h.join("Pablo");
    const seen: { state: TimerStatePayload | null } = { state: null };
    pat.room.onMessage(TimerServerMessage.state, (s: TimerStatePayload) => void (seen.state = s));
    fac.room.send(TimerMessage.agenda, { items: [{ title: "Welcome", minutes: 5 }, { title: "Debrief", minutes: 10 }] });
    fac.room.send(TimerMessage.current, { index: 1 });
    await eventually(() => seen.state?.agenda.current === 1);
    const res = await fetch(`${h.server.url}/api/sessions/demo/agenda`, {
      method: "PUT",
      body: JSON.stringify({ items: [{ title: "Welcome", minutes: 5 }, { title: "Case study", minutes: 25 }, { title: "Debrief", minutes: 10 }] }),
      headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    await eventually(() => seen.state?.agenda.items.length === 3);
    expect(seen.state!.agenda.items.map((i) => i.title)).toEqual(["Welcome", "Case study", "Debrief"]);
    expect(seen.state!.agenda.current).toBe((await res.json() as { current: number }).current);
  });
});
