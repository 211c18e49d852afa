import { PollsMessage, PollsServerMessage, type PollsStatePayload } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../test-support/harness.js";
import { PracticeBots } from "./practice-bots.js";

let h: TestServer | undefined;
let bots: PracticeBots | undefined;
afterEach(async () => {
  await bots?.stopAll();
  await h?.close();
  h = bots = undefined;
});

describe("practice mode's simulated participants", () => {
  it("join through the normal protocol, walk, raise hands and answer an open poll; they leave when sent away", async () => {
    h = await startTestServer();
    const server = h;
    const fac = await h.join("Fatou", { sessionId: "rehearsal" }, { kind: "facilitator" });
    let polls: PollsStatePayload | null = null;
    fac.room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => void (polls = s));
    fac.room.onMessage(PollsServerMessage.mine, () => undefined);
    bots = new PracticeBots({
      endpoint: () => server.server.url.replace(/^http/, "ws"),
      participantLink: (id) => server.linkToken(id),
      every: (ms, tick) => {
        const timer = setInterval(tick, ms);
        return () => clearInterval(timer);
      },
      handEveryS: 0.3,
      log: () => undefined,
    });
    expect(await bots.start("rehearsal", 5)).toBe(3); // at most three
    const participants = () => [...fac.room.state.participants.values()];
    await eventually(() => participants().length === 4);
    expect(participants().filter((p) => p.role === "participant").map((p) => p.name).sort()).toEqual(["Practice 1", "Practice 2", "Practice 3"]);
    // Their poses reach the facilitator like anyone's (checked by the presence rules on the way).
    const slots = participants().filter((p) => p.name.startsWith("Practice")).map((p) => p.slot);
    await eventually(() => slots.every((s) => fac.decoder.get(s) !== undefined), 10_000, "bot poses");
    await eventually(() => participants().some((p) => p.handRaised), 10_000, "a bot's hand up");
    fac.room.send(PollsMessage.create, { question: "Ready?", kind: "single", options: ["Yes", "No"], anonymous: true, correct: [], launch: true, screenId: null });
    await eventually(() => (polls as PollsStatePayload | null)?.polls[0]?.counts.reduce((a, b) => a + b, 0) === 3, 10_000, "three answers");
    expect(Object.entries(h.serverRoom(fac).refusals.stats.dropped).filter(([, n]) => n > 0)).toEqual([]); // nothing a bot sent was refused
    await bots.stop("rehearsal");
    await eventually(() => participants().length === 1);
  }, 30_000);

  it("are started from the signed-in console only", async () => {
    h = await startTestServer();
    await h.linkToken("rehearsal");
    const post = (body: unknown) => fetch(`${h!.server.url}/api/sessions/rehearsal/practice-bots`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect((await post({ count: 2 })).status).toBe(401);
  });
});
