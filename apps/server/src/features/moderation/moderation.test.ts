import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AvatarMessage, JOIN_REFUSED_CODE, ModerationMessage, WAITING_ROOM_CODE } from "@otc/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cutConnection, eventually, newPersonKey, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";
import { personIdOf } from "../sessions/admission.js";
import { BLOCKED_COLLECTION, MODERATION_COLLECTION, SETTINGS_KEY } from "./moderation-store.js";

let h: TestServer;
let fac: TestClient;
let pat: TestClient;
const patKey = newPersonKey();

beforeEach(async () => {
  h = await startTestServer();
  fac = await h.join("Fatou", {}, { kind: "facilitator" });
  pat = await h.join("Pablo", {}, { personKey: patKey });
  await eventually(() => fac.room.state.participants.size === 2);
});
afterEach(async () => h.close());

const mod = (c: TestClient) => c.room.state.moderation;

describe("moderation: privileged actions refused to a participant", () => {
  const attempts: [string, (target: string) => unknown][] = [
    [ModerationMessage.remove, (target) => ({ target, reason: "x" })],
    [ModerationMessage.unblock, () => ({ personId: "someone" })],
    [ModerationMessage.lock, () => ({ locked: true })],
    [ModerationMessage.capacity, () => ({ capacity: 1 })],
    [ModerationMessage.admit, () => ({ personId: "someone", admit: true })],
    [ModerationMessage.callNext, () => ({})],
    [ModerationMessage.done, () => ({})],
    [ModerationMessage.lowerAll, () => ({})],
  ];
  it.each(attempts)("%s: refused with a reason, counted, nothing changes", async (type, body) => {
    fac.room.send(AvatarMessage.handRaise, { raised: true });
    await eventually(() => mod(pat).hands.length === 1);
    const before = JSON.stringify(mod(fac).toJSON());
    const refusedBefore = h.serverRoom(pat).stats.dropped["not-allowed"];
    pat.room.send(type, body(fac.room.sessionId));
    await eventually(() => pat.notices.some((n) => n.code === "not-allowed"));
    await sleep(50);
    expect(JSON.stringify(mod(fac).toJSON())).toBe(before);
    expect(fac.room.state.participants.get(fac.room.sessionId)?.presenter).toBe(false);
    expect(h.serverRoom(pat).stats.dropped["not-allowed"]).toBe(refusedBefore + 1);
  });
});

describe("removing a person", () => {
  it("tells them why, blocks their person key until a facilitator allows them again", async () => {
    fac.room.send(ModerationMessage.remove, { target: pat.room.sessionId, reason: "Disruptive" });
    await eventually(() => pat.notices.some((n) => n.code === "removed" && n.params?.["detail"] === "Disruptive"));
    await eventually(() => fac.room.state.participants.size === 1);
    expect(mod(fac).blocked.get(personIdOf(patKey))).toBe("Pablo");
    expect(await h.server.storage.getDocument("demo", BLOCKED_COLLECTION, personIdOf(patKey))).toBeDefined();

    await expect(h.join("Pablo", {}, { personKey: patKey })).rejects.toMatchObject({ code: JOIN_REFUSED_CODE, message: expect.stringMatching(/^removed$/) });
    await expect(h.join("Someone else")).resolves.toBeDefined(); // the block is that person's alone

    fac.room.send(ModerationMessage.unblock, { personId: personIdOf(patKey) });
    await eventually(() => mod(fac).blocked.size === 0);
    const back = await h.join("Pablo", {}, { personKey: patKey });
    expect(back.room.state.participants.get(back.room.sessionId)?.name).toBe("Pablo");
  });

  it("removes someone whose seat is held for a reconnection", async () => {
    pat.room.reconnection.enabled = false;
    cutConnection(pat);
    await eventually(() => fac.room.state.participants.get(pat.room.sessionId)?.connected === false);
    fac.room.send(ModerationMessage.remove, { target: pat.room.sessionId, reason: "Left the room" });
    await eventually(() => fac.room.state.participants.size === 1);
    await expect(h.reconnect(pat)).rejects.toThrow();
    await expect(h.join("Pablo", {}, { personKey: patKey })).rejects.toMatchObject({ code: JOIN_REFUSED_CODE });
  });

  it("refuses a removal without a reason (blank or control characters only): the person stays", async () => {
    const before = h.serverRoom(fac).stats.dropped["invalid-message"];
    for (const reason of ["", "   ", "\u0007\n"]) fac.room.send(ModerationMessage.remove, { target: pat.room.sessionId, reason });
    await eventually(() => h.serverRoom(fac).stats.dropped["invalid-message"] === before + 3);
    expect(fac.room.state.participants.size).toBe(2);
    expect(mod(fac).blocked.size).toBe(0);
    expect(pat.notices.some((n) => n.code === "removed")).toBe(false);
  });

  it("will not remove a facilitator", async () => {
    const co = await h.join("Co", {}, { kind: "facilitator" });
    co.room.send(ModerationMessage.remove, { target: fac.room.sessionId, reason: "Disruptive" });
    await eventually(() => co.notices.some((n) => n.code === "not-allowed"));
    expect(mod(co).blocked.size).toBe(0);
  });
});

describe("capacity", () => {
  it("refuses a join beyond the session's maximum with a clear reason; a facilitator still enters", async () => {
    fac.room.send(ModerationMessage.capacity, { capacity: 2 });
    await eventually(() => mod(fac).capacity === 2);
    await expect(h.join("Third")).rejects.toMatchObject({ code: JOIN_REFUSED_CODE, message: expect.stringMatching(/^session-full: 2$/) });
    await expect(h.join("Co-host", {}, { kind: "facilitator" })).resolves.toBeDefined();
  });

  it("admits no more than the free seats when joins arrive at once", async () => {
    fac.room.send(ModerationMessage.capacity, { capacity: 3 });
    await eventually(() => mod(fac).capacity === 3);
    // one seat is free; five newcomers knock at the same moment (their onAuth calls interleave)
    const tries = await Promise.allSettled(["A", "B", "C", "D", "E"].map((n) => h.join(n)));
    expect(tries.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    for (const t of tries) if (t.status === "rejected") expect(t.reason).toMatchObject({ code: JOIN_REFUSED_CODE, message: expect.stringMatching(/^session-full: 3$/) });
    await eventually(() => fac.room.state.participants.size === 3);
  });

  it("keeps both a lock and a capacity change sent together (neither overwrites the other)", async () => {
    fac.room.send(ModerationMessage.lock, { locked: true });
    fac.room.send(ModerationMessage.capacity, { capacity: 7 });
    await eventually(() => mod(fac).capacity === 7 && mod(fac).locked);
    const stored = await h.server.storage.getDocument<{ locked: boolean; capacity: number }>("demo", MODERATION_COLLECTION, SETTINGS_KEY);
    expect(stored?.body).toEqual({ locked: true, capacity: 7 });
    await sleep(50);
    expect(mod(fac).locked).toBe(true);
  });

  it("defaults to the room template's seats", () => {
    expect(mod(fac).capacity).toBeGreaterThan(2);
  });
});

describe("lock and waiting room", () => {
  it("keeps newcomers waiting; a facilitator admits one and refuses another; people already known walk in", async () => {
    fac.room.send(ModerationMessage.lock, { locked: true });
    await eventually(() => mod(fac).locked);
    const annKey = newPersonKey();
    const bobKey = newPersonKey();
    await expect(h.join("Ann", {}, { personKey: annKey })).rejects.toMatchObject({ code: WAITING_ROOM_CODE, message: expect.stringMatching(/^waiting-room$/) });
    await expect(h.join("Bob", {}, { personKey: bobKey })).rejects.toMatchObject({ code: WAITING_ROOM_CODE });
    await eventually(() => mod(fac).waiting.size === 2);
    expect(mod(fac).waiting.get(personIdOf(annKey))?.name).toBe("Ann");

    fac.room.send(ModerationMessage.admit, { personId: personIdOf(annKey), admit: true });
    fac.room.send(ModerationMessage.admit, { personId: personIdOf(bobKey), admit: false });
    await eventually(() => mod(fac).waiting.size === 0);
    const ann = await h.join("Ann", {}, { personKey: annKey });
    expect(ann.room.state.participants.get(ann.room.sessionId)?.name).toBe("Ann");
    await expect(h.join("Bob", {}, { personKey: bobKey })).rejects.toMatchObject({ code: JOIN_REFUSED_CODE, message: expect.stringMatching(/^waiting-refused$/) });

    await pat.room.leave(true); // Pablo was here before the lock: he comes back without waiting
    await expect(h.join("Pablo", {}, { personKey: patKey })).resolves.toBeDefined();
  });
});

describe("hand-raise queue", () => {
  it("keeps hands in the order they went up, even sent at once; call on next stages them until done", async () => {
    const others = [await h.join("Ann"), await h.join("Bob"), await h.join("Cy")];
    await eventually(() => fac.room.state.participants.size === 5);
    const order = [others[1]!, pat, others[2]!, others[0]!];
    for (const c of order) c.room.send(AvatarMessage.handRaise, { raised: true }); // no awaits: concurrent
    await eventually(() => mod(fac).hands.length === 4);
    const serverOrder = [...mod(fac).hands];
    // the server's order is the order its messages arrived; every client sees the same one
    await eventually(() => expect([...mod(pat).hands]).toEqual(serverOrder));
    expect(new Set(serverOrder)).toEqual(new Set(order.map((c) => c.room.sessionId)));

    const first = serverOrder[0]!;
    fac.room.send(ModerationMessage.callNext, {});
    await eventually(() => mod(pat).speaking === first);
    const p = pat.room.state.participants.get(first)!;
    expect(p.presenter).toBe(true);
    expect(p.handRaised).toBe(false);
    expect([...mod(pat).hands]).toEqual(serverOrder.slice(1));

    fac.room.send(ModerationMessage.done, {});
    await eventually(() => mod(pat).speaking === "" && pat.room.state.participants.get(first)?.presenter === false);

    fac.room.send(ModerationMessage.lowerAll, {});
    await eventually(() => mod(pat).hands.length === 0);
    pat.room.state.participants.forEach((x) => expect(x.handRaised).toBe(false));
  });

  it("orders sequential raises exactly, and a lowered hand raised again goes to the back", async () => {
    const ann = await h.join("Ann");
    pat.room.send(AvatarMessage.handRaise, { raised: true });
    await eventually(() => mod(fac).hands.length === 1);
    ann.room.send(AvatarMessage.handRaise, { raised: true });
    await eventually(() => mod(fac).hands.length === 2);
    expect([...mod(fac).hands]).toEqual([pat.room.sessionId, ann.room.sessionId]);
    pat.room.send(AvatarMessage.handRaise, { raised: false });
    pat.room.send(AvatarMessage.handRaise, { raised: true });
    await eventually(() => expect([...mod(fac).hands]).toEqual([ann.room.sessionId, pat.room.sessionId]));
    await ann.room.leave(true); // leaving takes the hand out of the queue
    await eventually(() => expect([...mod(fac).hands]).toEqual([pat.room.sessionId]));
  });
});

describe("after a server restart", () => {
  it("keeps the blocked list, the lock and the capacity", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-moderation-restart-"));
    try {
      await h.close();
      h = await startTestServer({ dataDir });
      fac = await h.join("Fatou", {}, { kind: "facilitator" });
      pat = await h.join("Pablo", {}, { personKey: patKey });
      fac.room.send(ModerationMessage.remove, { target: pat.room.sessionId, reason: "Wrong session" });
      fac.room.send(ModerationMessage.capacity, { capacity: 9 });
      fac.room.send(ModerationMessage.lock, { locked: true });
      await eventually(() => mod(fac).blocked.size === 1 && mod(fac).capacity === 9 && mod(fac).locked);
      await h.close();

      h = await startTestServer({ dataDir });
      fac = await h.join("Fatou", {}, { kind: "facilitator" });
      expect(mod(fac).locked).toBe(true);
      expect(mod(fac).capacity).toBe(9);
      expect(mod(fac).blocked.get(personIdOf(patKey))).toBe("Pablo");
      await expect(h.join("Pablo", {}, { personKey: patKey })).rejects.toMatchObject({ code: JOIN_REFUSED_CODE, message: expect.stringMatching(/^removed$/) });
      await expect(h.join("Newcomer")).rejects.toMatchObject({ code: WAITING_ROOM_CODE });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
