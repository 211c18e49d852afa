import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { OnboardingMessage, OnboardingServerMessage, type OnboardingMinePayload, type OnboardingProgressMessage, type OnboardingTablePayload } from "@otc/contract";
import { stepsFor } from "@otc/onboarding";
import { afterEach, describe, expect, it } from "vitest";
import { ATTENDANCE_STREAM, type AttendanceEvent } from "../attendance/attendance-log.js";
import { eventually, newPersonKey, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function watch(c: TestClient) {
  const seen: { mine: OnboardingMinePayload | null; table: OnboardingTablePayload | null; tables: number } = { mine: null, table: null, tables: 0 };
  c.room.onMessage(OnboardingServerMessage.mine, (m: OnboardingMinePayload) => void (seen.mine = m));
  c.room.onMessage(OnboardingServerMessage.table, (t: OnboardingTablePayload) => {
    seen.table = t;
    seen.tables += 1;
  });
  c.room.send(OnboardingMessage.onboardingSync, {});
  return seen;
}

const desktop = stepsFor("desktop");
const at = (index: number, skipped: OnboardingProgressMessage["skipped"] = []): OnboardingProgressMessage => ({ device: "desktop", step: desktop[index] ?? null, index, count: desktop.length, skipped });

describe("onboarding progress in the room", () => {
  it("shows each person's step to facilitators only, stamped by the server, and refuses what does not fit, counted", async () => {
    h = await startTestServer();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const facSeen = watch(fac);
    const pat = await h.join("Pablo");
    const patSeen = watch(pat);
    await eventually(() => patSeen.mine !== null && facSeen.table !== null);
    expect(patSeen.mine).toEqual({ record: null });
    h.clock.now = 2_000_000;
    pat.room.send(OnboardingMessage.progress, at(2, ["look"]));
    await eventually(() => facSeen.table?.people.length === 1);
    expect(facSeen.table?.people[0]).toMatchObject({ name: "Pablo", step: "move", index: 2, stepSince: 2_000_000, completedAt: null, connected: true, skipped: ["look"] });
    expect(patSeen.mine?.record).toMatchObject({ step: "move" });
    // The same step again keeps its start (time on a step is the facilitator's "stuck" clock).
    h.clock.now = 2_050_000;
    pat.room.send(OnboardingMessage.progress, at(2, ["look"]));
    await sleep(100);
    expect(facSeen.table?.people[0]?.stepSince).toBe(2_000_000);
    const dropped = h.serverRoom(pat).refusals.stats.dropped;
    pat.room.send(OnboardingMessage.progress, { ...at(3), step: "draw" }); // step does not match its index
    pat.room.send(OnboardingMessage.progress, { ...at(2), count: 4 }); // not the device's list
    pat.room.send(OnboardingMessage.progress, at(2, ["height"])); // not a desktop step
    pat.room.send(OnboardingMessage.progress, { ...at(2), skipped: new Array(40).fill("look") }); // over the size bound
    await eventually(() => dropped["invalid-message"] === 4);
    for (let i = 0; i < 30; i += 1) pat.room.send(OnboardingMessage.progress, at(2));
    await eventually(() => (dropped["rate-limited"] ?? 0) > 0);
    expect(patSeen.tables).toBe(0); // participants never see the table
    expect(facSeen.table?.people[0]?.step).toBe("move");
  });

  it("keeps a finish per person key across a restart and a rejoin, in attendance once; a finished person is not sent through again", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-onboarding-restart-"));
    const key = newPersonKey();
    try {
      h = await startTestServer({ dataDir });
      const ann = await h.join("Ann", {}, { personKey: key });
      const annSeen = watch(ann);
      await eventually(() => annSeen.mine !== null);
      h.clock.now = 3_000_000;
      ann.room.send(OnboardingMessage.progress, at(desktop.length));
      await eventually(() => annSeen.mine?.record?.completedAt === 3_000_000);
      // A replay from the menu afterwards does not undo the finish.
      ann.room.send(OnboardingMessage.progress, at(1));
      await eventually(() => annSeen.mine?.record?.step === "look");
      expect(annSeen.mine?.record?.completedAt).toBe(3_000_000);
      await h.close();
      h = await startTestServer({ dataDir });
      const back = await h.join("Ann", {}, { personKey: key });
      const backSeen = watch(back);
      await eventually(() => backSeen.mine !== null);
      expect(backSeen.mine?.record?.completedAt).toBe(3_000_000);
      const fac = await h.join("Fatou", {}, { kind: "facilitator" });
      const facSeen = watch(fac);
      await eventually(() => facSeen.table !== null);
      expect(facSeen.table?.people).toEqual([expect.objectContaining({ name: "Ann", completedAt: 3_000_000, connected: true })]);
      const events = await h.server.storage.listEvents<AttendanceEvent>("demo", ATTENDANCE_STREAM);
      expect(events.flatMap((e) => (e.body.event === "onboarded" ? [e.body.name] : []))).toEqual(["Ann"]);
      // Someone else is a new person: nothing on record for them.
      const ben = watch(await h.join("Ben"));
      await eventually(() => ben.mine !== null);
      expect(ben.mine?.record).toBeNull();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it("lists everyone's progress to the signed-in console only", async () => {
    h = await startTestServer({ adminSecret: "onboarding console" });
    const server = h;
    const list = (auth?: string) => fetch(`${server.server.url}/api/sessions/demo/onboarding`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
    const ann = await h.join("Ann");
    const annSeen = watch(ann);
    await eventually(() => annSeen.mine !== null);
    ann.room.send(OnboardingMessage.progress, at(2, ["comfort"]));
    let people: unknown[] = [];
    for (let i = 0; i < 50 && people.length === 0; i += 1) {
      people = ((await (await list("onboarding console")).json()) as { people: unknown[] }).people;
      if (people.length === 0) await sleep(100);
    }
    expect(people).toEqual([expect.objectContaining({ name: "Ann", step: "move", index: 2, skipped: ["comfort"], completedAt: null })]);
    expect((await list()).status).toBe(401);
    expect((await list("wrong")).status).toBe(401);
    expect((await fetch(`${server.server.url}/api/sessions/nope/onboarding`, { headers: { authorization: "Bearer onboarding console" } })).status).toBe(404);
  });
});
