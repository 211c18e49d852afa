import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CREATE_REFUSED_CODE, ClientMessage, NAME_MAX, PROTOCOL_VERSION } from "@otc/contract";
import { loadRoomLayout } from "../../rooms/room-layout.js";
import { ASSETS_DIR, eventually, startTestServer, type TestServer } from "../../test-support/harness.js";
import { spawnPose } from "./seats.js";

let h: TestServer;
beforeEach(async () => {
  h = await startTestServer();
});
afterEach(async () => {
  await h.close();
});

describe("joining and leaving", () => {
  it("adds and removes participants in everyone's state", async () => {
    const a = await h.join("Ada");
    const b = await h.join("Ben", { device: "vr", colour: "#AABBCC" });
    expect(b.room.roomId).toBe(a.room.roomId);

    await eventually(() => a.room.state.participants.size === 2);
    const benSeenByAda = a.room.state.participants.get(b.room.sessionId);
    expect(benSeenByAda).toMatchObject({ name: "Ben", device: "vr", colour: "#aabbcc", connected: true, slot: 1 });
    expect(b.room.state.participants.get(a.room.sessionId)).toMatchObject({ name: "Ada", slot: 0 });
    expect(b.room.state.sessionId).toBe("demo");
    expect(b.room.state.roomLayout).toBe("training-room");

    await a.room.leave(true);
    await eventually(() => b.room.state.participants.size === 1);
    expect(b.room.state.participants.has(a.room.sessionId)).toBe(false);
  });

  it("updates a participant's device when they enter or leave VR", async () => {
    const a = await h.join("Ada");
    const b = await h.join("Ben");
    a.room.send(ClientMessage.device, { device: "vr" });
    await eventually(() => b.room.state.participants.get(a.room.sessionId)?.device === "vr");
    a.room.send(ClientMessage.device, { device: "desktop" });
    await eventually(() => b.room.state.participants.get(a.room.sessionId)?.device === "desktop");
  });

  it("gives a newcomer a fresh slot rather than the one someone just left", async () => {
    const a = await h.join("A");
    const b = await h.join("B");
    await a.room.leave(true);
    await eventually(() => b.room.state.participants.size === 1);
    const c = await h.join("C");
    await eventually(() => b.room.state.participants.size === 2);
    expect(b.room.state.participants.get(c.room.sessionId)?.slot).toBe(2);
    expect(b.room.state.participants.get(b.room.sessionId)?.slot).toBe(1);
  });

  it("keeps different session ids in different rooms", async () => {
    const a = await h.join("A", { sessionId: "first" });
    const b = await h.join("B", { sessionId: "second" });
    expect(a.room.roomId).not.toBe(b.room.roomId);
    expect(b.room.state.participants.size).toBe(1);
    expect(b.room.state.sessionId).toBe("second");
  });

  it("spawns people at the layout's spawn points, round robin", async () => {
    const layout = await loadRoomLayout(ASSETS_DIR);
    const a = await h.join("A");
    const b = await h.join("B");
    const slotOf = (id: string) => b.room.state.participants.get(id)?.slot ?? -1;
    await eventually(() => b.decoder.get(slotOf(a.room.sessionId)) !== undefined && b.decoder.get(slotOf(b.room.sessionId)) !== undefined);
    const seenA = b.decoder.get(slotOf(a.room.sessionId))!.head.p;
    const seenB = b.decoder.get(slotOf(b.room.sessionId))!.head.p;
    expect(seenA[0]).toBeCloseTo(spawnPose(layout, 0).head.p[0], 2);
    expect(seenA[2]).toBeCloseTo(spawnPose(layout, 0).head.p[2], 2);
    expect(seenB[0]).toBeCloseTo(spawnPose(layout, 1).head.p[0], 2);
    expect(seenB[2]).toBeCloseTo(spawnPose(layout, 1).head.p[2], 2);
  });

  it("never spawns a late joiner on someone standing at their spawn point", async () => {
    const layout = await loadRoomLayout(ASSETS_DIR);
    const a = await h.join("A");
    // A walks (in small steps: walking speed is checked) onto spawn 1, the spot the next joiner's slot names.
    const [tx, ty, tz] = spawnPose(layout, 1).head.p;
    const [sx, , sz] = spawnPose(layout, 0).head.p;
    const steps = Math.ceil(Math.hypot(tx - sx, tz - sz) / 0.05);
    for (let i = 1; i <= steps; i++) {
      h.clock.now += 50;
      a.sendPose({ h: [sx + ((tx - sx) * i) / steps, ty, sz + ((tz - sz) * i) / steps, 0, 0, 0, 1], l: null, r: null });
      await eventually(() => h.serverRoom(a).stats.accepted >= i);
    }
    const b = await h.join("B");
    const bSeat = b.room.state.participants.get(b.room.sessionId)!;
    expect(bSeat.slot).toBe(1);
    expect(bSeat.spawn).not.toBe(1);
    const [bx, , bz] = spawnPose(layout, bSeat.spawn).head.p;
    expect(Math.hypot(bx - tx, bz - tz)).toBeGreaterThan(0.8);
  });
});

describe("names", () => {
  it("strips control characters, trims, collapses spaces and caps the length", async () => {
    const a = await h.join("  Ad\u0000a\u200b \u202e  Lovelace\u0007 ");
    const long = await h.join("x".repeat(200));
    await eventually(() => a.room.state.participants.size === 2);
    expect(a.room.state.participants.get(a.room.sessionId)?.name).toBe("Ada Lovelace");
    expect(a.room.state.participants.get(long.room.sessionId)?.name).toBe("x".repeat(NAME_MAX));
  });

  it("refuses a name that is empty once cleaned", async () => {
    await expect(h.join(" \u0000\u200b ")).rejects.toMatchObject({ code: CREATE_REFUSED_CODE, message: expect.stringMatching(/name/) });
  });
});

describe("refused joins", () => {
  it("refuses an old client with the protocol-mismatch reason", async () => {
    const err = await h.join("Old", { protocol: PROTOCOL_VERSION + 41 }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: CREATE_REFUSED_CODE,
      message: `protocol-mismatch: server ${PROTOCOL_VERSION}, client ${PROTOCOL_VERSION + 41}`,
    });
  });

  it("names the fields that were wrong", async () => {
    const err = await h.join("X", { sessionId: "Not Valid!", colour: "red" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: CREATE_REFUSED_CODE });
    const message = (err as Error).message;
    expect(message).toMatch(/^invalid-join: /); // a code the page words, and the technical detail
    expect(message).toMatch(/sessionId/);
    expect(message).toMatch(/colour/);
  });

  it("takes a phone or a tablet for what it is, not a desktop", async () => {
    const a = await h.join("Amara", { device: "phone" });
    const f = await h.join("Fatou", { device: "tablet" });
    await eventually(() => a.room.state.participants.size === 2);
    expect(a.room.state.participants.get(f.room.sessionId)?.device).toBe("tablet");
    expect(f.room.state.participants.get(a.room.sessionId)?.device).toBe("phone");
  });

  it("leaves no participant behind after a refusal", async () => {
    const a = await h.join("A");
    await h.join("B", { device: "toaster" as "vr" }).catch(() => undefined);
    await h.join("C");
    await eventually(() => a.room.state.participants.size === 2);
    expect([...a.room.state.participants.values()].map((p) => p.name).sort()).toEqual(["A", "C"]);
  });
});
