import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TimerMessage, TimerServerMessage, type TimerStatePayload } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function watch(c: TestClient) {
  const seen: { state: TimerStatePayload | null } = { state: null };
  c.room.onMessage(TimerServerMessage.state, (s: TimerStatePayload) => void (seen.state = s));
  c.room.send(TimerMessage.timerSync, {});
  return seen;
}

describe("timer and agenda in the room", () => {
  it("shows a facilitator's countdown and agenda to everyone and refuses a participant's, counted", async () => {
    h = await startTestServer();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const pat = await h.join("Pablo");
    const seen = watch(pat);
    await eventually(() => seen.state !== null);
    expect(seen.state).toMatchObject({ timer: null, agenda: { items: [], current: -1 } });
    h.clock.now = 2_000_000;
    fac.room.send(TimerMessage.start, { seconds: 300, label: "Group work", screenId: "main" });
    fac.room.send(TimerMessage.agenda, { items: [{ title: "Welcome", minutes: 5 }, { title: "Practice", minutes: 20 }] });
    fac.room.send(TimerMessage.current, { index: 1 });
    await eventually(() => seen.state?.agenda.current === 1);
    expect(seen.state?.timer).toEqual({ startedAt: 2_000_000, endsAt: 2_300_000, label: "Group work", screenId: "main" });
    expect(seen.state?.serverNow).toBe(2_000_000); // each page counts down from the server's clock
    pat.room.send(TimerMessage.stop, {});
    pat.room.send(TimerMessage.start, { seconds: 5 });
    pat.room.send(TimerMessage.current, { index: 0 });
    const dropped = h.serverRoom(pat).refusals.stats.dropped;
    await eventually(() => dropped["not-allowed"] === 3 && pat.notices.length > 0);
    expect(String(pat.notices[0]?.params?.["detail"])).toMatch(/only a facilitator or co-facilitator can run the timer/);
    fac.room.send(TimerMessage.current, { index: 5 });
    await eventually(() => dropped["invalid-message"] === 1);
    await sleep(100);
    expect(seen.state).toMatchObject({ timer: { endsAt: 2_300_000 }, agenda: { current: 1 } });
  });

  it("keeps the timer's end and the agenda across a server restart", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-timer-restart-"));
    try {
      h = await startTestServer({ dataDir });
      const fac = await h.join("Fatou", {}, { kind: "facilitator" });
      const facSeen = watch(fac);
      fac.room.send(TimerMessage.start, { seconds: 600, label: "Break" });
      fac.room.send(TimerMessage.agenda, { items: [{ title: "Debrief", minutes: 10 }] });
      fac.room.send(TimerMessage.current, { index: 0 });
      await eventually(() => facSeen.state?.agenda.current === 0);
      const endsAt = facSeen.state?.timer?.endsAt;
      await h.close();
      h = await startTestServer({ dataDir });
      const pat = await h.join("Pablo");
      const seen = watch(pat);
      await eventually(() => seen.state !== null);
      expect(seen.state?.timer).toMatchObject({ endsAt, label: "Break" });
      expect(seen.state?.agenda).toEqual({ items: [{ title: "Debrief", minutes: 10 }], current: 0 });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
