import { BreakoutMessage, BreakoutServerMessage, type BreakoutGo, type BreakoutStatePayload } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";
import type { ReportPayload } from "./report-service.js";

const ADMIN_SECRET = "breakout-time-admin-secret-0123456789";
const MIN = 60_000;
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const goes = (c: TestClient) => {
  const seen: BreakoutGo[] = [];
  c.room.onMessage(BreakoutServerMessage.go, (g: BreakoutGo) => void seen.push(g));
  c.room.onMessage(BreakoutServerMessage.state, () => undefined);
  c.room.send(BreakoutMessage.sync, {});
  return seen;
};
/** Follows an invitation as a page would: the same person key, so the same person in both sessions. */
async function follow(c: TestClient, go: BreakoutGo, personKey: string) {
  const url = new URL(go.path, "http://x");
  await c.room.leave(true);
  return h!.join("Ada", { sessionId: url.pathname.split("/").pop()!, link: url.searchParams.get("k")! }, { personKey });
}

describe("time in breakouts in the report", () => {
  it("counts the minutes a person spent in a group, and counts them as presence", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    const t0 = h.clock.now;
    const adaKey = newPersonKey();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const ada = await h.join("Ada", {}, { personKey: adaKey });
    let plan: BreakoutStatePayload["plan"] = null;
    fac.room.onMessage(BreakoutServerMessage.state, (s: BreakoutStatePayload) => void (plan = s.plan));
    fac.room.send(BreakoutMessage.sync, {});
    const toGroup = goes(ada);
    fac.room.send(BreakoutMessage.plan, { groups: 1, how: "list", list: [["Ada"]] });
    h.clock.now = t0 + 10 * MIN;
    await eventually(() => plan !== null);
    fac.room.send(BreakoutMessage.start, { seconds: 600 });
    await eventually(() => toGroup.length === 1);
    const inGroup = await follow(ada, toGroup[0]!, adaKey);
    const back = goes(inGroup);
    h.clock.now = t0 + 20 * MIN; // the group's end: everyone is sent back
    await eventually(() => back.length === 1, 10_000);
    await follow(inGroup, back[0]!, adaKey);
    h.clock.now = t0 + 30 * MIN;
    expect((await fetch(new URL("/api/sessions/demo/end", h.server.url), { method: "POST", headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" }, body: "{}" })).ok).toBe(true);

    const r = (await (await fetch(new URL("/api/sessions/demo/report", h.server.url), { headers: { authorization: `Bearer ${ADMIN_SECRET}` } })).json()) as ReportPayload;
    const row = (name: string) => r.report.rows.find((x) => x.name === name)!;
    expect(row("Ada").breakoutMs).toBe(10 * MIN);
    expect(row("Ada").presentMs).toBe(30 * MIN);
    expect(row("Fatou").breakoutMs).toBe(0);
  });
});
