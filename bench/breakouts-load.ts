import { BreakoutMessage, BreakoutServerMessage, type BreakoutGo, type BreakoutStatePayload } from "@otc/contract";
import { newPersonKey, startTestServer, type TestClient, type TestServer } from "@otc/server/src/test-support/harness.ts";

export interface BreakoutsLoad {
  clients: number;
  groups: number;
  /** From "start" sent to every client seated in its group's room, ms (loopback, clients in the server's process). */
  outMs: number;
  /** From the breakout's end (the injected clock moved past it) to every client seated in the main room again, ms. */
  backMs: number;
}

/**
 * A breakout of `n` SDK clients into `groups` groups and back: a facilitator plans at random and
 * starts; each client follows its own invitation (leaves the main room, joins its group with the
 * signed link) as a page does. Then the server's clock is moved to the end and each client follows
 * its invitation back. Both legs run concurrently for all clients.
 */
export async function breakoutsLoad(n: number, groups: number): Promise<BreakoutsLoad> {
  const h = await startTestServer();
  try {
    const sessionId = `bench-breakouts-${n}`;
    await h.server.sessions.ensure(sessionId, "Breakouts bench", "auditorium"); // 150 seats: the training room's capacity is its 24
    const fac = await h.join("Facilitator", { sessionId }, { kind: "facilitator" });
    const people = await Promise.all(Array.from({ length: n }, (_, i) => person(h, sessionId, `P${i}`)));
    const plan = onceState(fac, (s) => s.plan?.groups.flat().length === n);
    fac.room.send(BreakoutMessage.plan, { groups, seed: 1 });
    await plan;
    const t0 = performance.now();
    const inGroups = Promise.all(people.map((p) => p.follow()));
    fac.room.send(BreakoutMessage.start, { seconds: 600 });
    await inGroups;
    const outMs = performance.now() - t0;
    const t1 = performance.now();
    const back = Promise.all(people.map((p) => p.follow()));
    h.clock.now += 600_000;
    await back;
    const backMs = performance.now() - t1;
    return { clients: n, groups, outMs: +outMs.toFixed(1), backMs: +backMs.toFixed(1) };
  } finally {
    await h.close();
  }
}

/** One SDK client that follows each invitation it is sent into the next room. */
async function person(h: TestServer, sessionId: string, name: string) {
  const personKey = newPersonKey();
  let client: TestClient = await h.join(name, { sessionId }, { personKey });
  client.room.onMessage(BreakoutServerMessage.state, () => undefined);
  const nextGo = (c: TestClient) => new Promise<BreakoutGo>((resolve) => c.room.onMessage(BreakoutServerMessage.go, resolve));
  let go = nextGo(client);
  return {
    async follow() {
      const to = new URL((await go).path, "http://x");
      const next = await h.join(name, { sessionId: to.pathname.split("/").pop()!, link: to.searchParams.get("k")! }, { personKey });
      go = nextGo(next);
      next.room.onMessage(BreakoutServerMessage.state, () => undefined);
      await client.room.leave(true);
      client = next;
    },
  };
}

function onceState(c: TestClient, done: (s: BreakoutStatePayload) => boolean): Promise<void> {
  return new Promise((resolve) => c.room.onMessage(BreakoutServerMessage.state, (s: BreakoutStatePayload) => done(s) && resolve()));
}
