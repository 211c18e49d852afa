import { CAPACITY_MAX, ModerationMessage, PollsMessage, PollsServerMessage, type PollsStatePayload } from "@otc/contract";
import type { PollsRoomFeature } from "@otc/server/src/features/polls/polls-room-feature.ts";
import { startTestServer, type TestClient } from "@otc/server/src/test-support/harness.ts";

export interface PollsLoad {
  clients: number;
  /** From the last answer sent to every client holding the final counts, ms (loopback, clients in the server's process). */
  finalCountsMs: number;
  /** Server time per answer (check, durable store, tally), ms. */
  answerMs: { mean: number; p99: number };
  /** Public-view broadcasts the server sent while answers came in (coalesced). */
  broadcasts: number;
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { mean: +mean.toFixed(3), p99: +(s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0).toFixed(3) };
};

/**
 * A poll answered by `n` SDK clients at once: a facilitator launches a three-option question, every
 * client answers, and the clock runs from the last answer sent until every client has received the
 * final counts. The server's own time per answer is read from the polls feature.
 */
export async function pollsLoad(n: number): Promise<PollsLoad> {
  const h = await startTestServer();
  try {
    const session = `bench-polls-${n}`;
    const fac = await h.join("Facilitator", { sessionId: session }, { kind: "facilitator" });
    // More people than the room's seats (its default capacity): the facilitator raises it, as in the room.
    fac.room.send(ModerationMessage.capacity, { capacity: CAPACITY_MAX });
    await until(() => fac.room.state.moderation.capacity === CAPACITY_MAX || undefined);
    const people: TestClient[] = [];
    for (let i = 0; i < n; i++) people.push(await h.join(`P${i}`, { sessionId: session }));
    const latest = new Map<TestClient, PollsStatePayload>();
    let broadcasts = 0;
    for (const c of [fac, ...people]) {
      c.room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => void latest.set(c, s));
      c.room.onMessage(PollsServerMessage.mine, () => undefined);
    }
    people[0]!.room.onMessage(PollsServerMessage.state, () => void broadcasts++);
    fac.room.send(PollsMessage.create, { question: "Bench?", kind: "single", options: ["A", "B", "C"], anonymous: true, correct: [], launch: true, screenId: null });
    const pollId = await until(() => latest.get(people[n - 1]!)?.polls[0]?.id);
    const expected = [0, 1, 2].map((k) => Array.from({ length: n }, (_, i) => i % 3).filter((x) => x === k).length);
    broadcasts = 0;
    for (let i = 0; i < n; i++) people[i]!.room.send(PollsMessage.answer, { pollId, choices: [i % 3] });
    const t0 = performance.now();
    await until(() => people.every((c) => latest.get(c)?.polls[0]?.counts.join() === expected.join()) || undefined, 60_000);
    const finalCountsMs = performance.now() - t0;
    const feature = h.serverRoom(fac).feature<PollsRoomFeature>("polls")!;
    return { clients: n, finalCountsMs: +finalCountsMs.toFixed(1), answerMs: stat(feature.polls.answerMs), broadcasts };
  } finally {
    await h.close();
  }
}

async function until<T>(read: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = read();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error("polls bench: timed out waiting");
    await new Promise((r) => setTimeout(r, 2));
  }
}
