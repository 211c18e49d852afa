import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClientMessage } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";
import { MAX_PAYLOAD_BYTES } from "../../app.js";
import { eventually, headAt, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";
import { totalDropped } from "./presence-stats.js";
import { NOTICE_INTERVAL_MS } from "../../rooms/refusals.js";
import { POSE_BURST } from "./pose-intake.js";
import { VIEWERS_PER_PART } from "./presence-relay.js";
import { MODERATION_COLLECTION, SETTINGS_KEY } from "../moderation/moderation-store.js";
import { CAPACITY_MAX } from "@otc/contract";

let h: TestServer;
let a: TestClient;
let b: TestClient;

beforeEach(async () => {
  h = await startTestServer();
  a = await h.join("Ada");
  b = await h.join("Ben");
});
afterEach(async () => {
  await h.close();
});

const slotOf = (viewer: TestClient, who: TestClient) => viewer.room.state.participants.get(who.room.sessionId)?.slot ?? -1;
const seen = (viewer: TestClient, who: TestClient): AvatarPose | undefined => viewer.decoder.get(slotOf(viewer, who));

/** Sends a pose a "frame" later on the fake clock (so the rate limit never trips). */
function step(client: TestClient, message: Parameters<TestClient["sendPose"]>[0], ms = 50): void {
  h.clock.now += ms;
  client.sendPose(message);
}

async function expectSeenAt(viewer: TestClient, who: TestClient, x: number, z: number, y = 1.6): Promise<void> {
  await eventually(() => {
    const p = seen(viewer, who)?.head.p;
    expect(p?.[0]).toBeCloseTo(x, 2);
    expect(p?.[1]).toBeCloseTo(y, 2);
    expect(p?.[2]).toBeCloseTo(z, 2);
  });
}

describe("presence relay", () => {
  it("delivers A's pose to B as a decoded presence frame", async () => {
    step(a, { h: [1, 1.7, 2, 0, 0.3826834, 0, 0.9238795], l: [1.3, 1.2, 1.7, 0, 0, 0, 1], r: null });
    await expectSeenAt(b, a, 1, 2, 1.7);
    const pose = seen(b, a)!;
    expect(pose.head.q[1]).toBeCloseTo(0.3827, 2);
    expect(pose.left?.p[0]).toBeCloseTo(1.3, 2);
    expect(pose.right).toBeNull();
    expect(h.serverRoom(a).stats.accepted).toBe(1);
  });

  it("costs nothing while nobody moves", async () => {
    step(a, headAt(1, 2));
    await expectSeenAt(b, a, 1, 2);
    let frames = 0;
    b.room.onMessage(1, () => frames++);
    for (let i = 0; i < 4; i++) step(a, headAt(1, 2)); // same place: inside the deadband
    await sleep(250); // five relay ticks
    expect(frames).toBe(0);
  });

  it("refuses a teleport that comes too soon and clamps a walk faster than a person", async () => {
    step(a, { ...headAt(2, 2), teleport: true }, 1000);
    await expectSeenAt(b, a, 2, 2);
    step(a, { ...headAt(-2, -2), teleport: true }, 100);
    await eventually(() => h.serverRoom(a).stats.dropped["too-fast"] === 1);
    step(a, headAt(2, -4), 1000); // 6 m in one second: moved the allowed 1 m along the way
    await expectSeenAt(b, a, 2, 1);
    expect(h.serverRoom(a).stats.clamped).toBe(1);
  });
});

describe("interest management", () => {
  it("sends a far viewer a walking avatar less often than a near one, and both see where it ends up", async () => {
    const cy = await h.join("Cy");
    const yawTo = (x: number, z: number, a: number) => ({ h: [x, 1.6, z, 0, Math.sin(a / 2), 0, Math.cos(a / 2)] as [number, number, number, number, number, number, number], l: null, r: null });
    h.clock.now += 1000;
    b.sendPose({ ...yawTo(-5, 3, 0), teleport: true }); // looks towards −z, at Ada 3 m away
    cy.sendPose({ ...yawTo(6, 0, 0), teleport: true }); // 11 m away, looking elsewhere
    step(a, { ...headAt(-5, 0), teleport: true }, 0);
    await expectSeenAt(b, a, -5, 0);
    await expectSeenAt(cy, a, -5, 0);
    const updates = { ben: 0, cy: 0 };
    const slot = slotOf(b, a);
    const count = (viewer: TestClient, who: keyof typeof updates) => {
      const apply = viewer.decoder.apply.bind(viewer.decoder); // the harness decodes every frame through this
      viewer.decoder.apply = (frame) => {
        const slots = apply(frame);
        if (slots.includes(slot)) updates[who]++;
        return slots;
      };
    };
    count(b, "ben");
    count(cy, "cy");
    // Ada walks 1 m along x in 40 steps, one per relay tick
    for (let i = 1; i <= 40; i++) {
      step(a, headAt(-5 + i * 0.025, 0));
      await sleep(50);
    }
    await expectSeenAt(b, a, -4, 0);
    await expectSeenAt(cy, a, -4, 0);
    expect(updates.ben).toBeGreaterThan(updates.cy * 2);
    expect(updates.cy).toBeGreaterThan(0);
  });
});

describe("a big room", () => {
  it("sends each tick in parts, and every viewer still sees a walker at every step, frame after frame in order", async () => {
    const sessionId = "big-room";
    await h.linkToken(sessionId); // the session, stored
    await h.server.storage.putDocument(sessionId, MODERATION_COLLECTION, SETTINGS_KEY, { locked: false, capacity: CAPACITY_MAX }, h.clock.now);
    const walker = await h.join("Wanda", { sessionId });
    const viewers: TestClient[] = [];
    while (viewers.length <= VIEWERS_PER_PART) viewers.push(await h.join(`Guest ${viewers.length}`, { sessionId }));
    h.clock.now += 1000;
    for (const [i, v] of viewers.entries()) v.sendPose({ ...headAt(-4 + (i % 10), 3 + Math.floor(i / 10) * 0.8), teleport: true });
    step(walker, { ...headAt(-5, 0), teleport: true }, 0);
    for (const v of viewers) await expectSeenAt(v, walker, -5, 0);
    const failed: unknown[] = [];
    for (const v of viewers) {
      const apply = v.decoder.apply.bind(v.decoder); // the harness decodes every frame through this
      v.decoder.apply = (frame) => {
        try {
          return apply(frame);
        } catch (e) {
          failed.push(e); // a frame out of order or missing one before it
          throw e;
        }
      };
    }
    for (let i = 1; i <= 8; i++) {
      step(walker, headAt(-5 + i * 0.25, 0), 250);
      for (const v of viewers) await expectSeenAt(v, walker, -5 + i * 0.25, 0);
    }
    expect(failed).toEqual([]);
    expect(h.serverRoom(walker).stats.errors).toBe(0);
  }, 60_000);
});

describe("bad input", () => {
  it("drops and counts every kind, leaves B's view of A alone, and keeps the room healthy", async () => {
    step(a, headAt(1, 2));
    await expectSeenAt(b, a, 1, 2);
    const room = h.serverRoom(a);
    const send = (type: string, message: unknown) => a.room.send(type, message);

    const invalid: unknown[] = [
      { h: [NaN, 1.6, 2, 0, 0, 0, 1], l: null, r: null },
      { h: [1, Infinity, 2, 0, 0, 0, 1], l: null, r: null },
      { h: [1, 1.6, -Infinity, 0, 0, 0, 1], l: null, r: null },
      { h: "1,1.6,2", l: null, r: null },
      { h: [1, 1.6, 2, 0, 0, 0, 1], l: 7 },
      { h: [1, 1.6, 2, 0, 0, 0] , l: null, r: null },
      { h: Array.from({ length: 150 }, () => 1), l: null, r: null }, // big, but under the socket cap
      { h: [1, 1.6, 2, 0, 0, 0, 0], l: null, r: null }, // not a rotation
      null,
      "pose",
    ];
    for (const m of invalid) {
      h.clock.now += 50;
      send(ClientMessage.pose, m);
    }
    send(ClientMessage.device, { device: "toaster" });
    send("teleport-everyone", { to: [0, 0, 0] }); // a type nobody handles
    step(a, headAt(40, 2)); // far outside the room
    for (let i = 0; i < POSE_BURST + 40; i++) a.sendPose(headAt(1, 2)); // a flood at one instant, beyond the burst

    await eventually(() => room.stats.dropped["invalid-message"] === invalid.length + 2);
    await eventually(() => room.stats.dropped["out-of-bounds"] === 1);
    await eventually(() => room.stats.dropped["rate-limited"] >= 30);
    expect(room.stats.errors).toBe(0);

    await sleep(150); // a few relay ticks: nothing bad may have gone out
    await expectSeenAt(b, a, 1, 2);
    expect(b.room.state.participants.get(a.room.sessionId)).toMatchObject({ name: "Ada", device: "desktop", connected: true });
    expect(b.room.state.participants.get(b.room.sessionId)).toMatchObject({ name: "Ben", connected: true });

    // One notice for the whole burst, with the reason; then the room still relays good poses.
    await eventually(() => a.notices.length === 1);
    expect(a.notices[0]?.code).toBe("invalid-message");
    expect(a.notices[0]?.params?.detail).toMatch(/h\.0/);
    expect(b.notices).toEqual([]);
    step(a, headAt(1.5, 2), 1000);
    await expectSeenAt(b, a, 1.5, 2);
  });

  it("sends a dropped sender at most one notice per interval", async () => {
    const outside = headAt(40, 0);
    step(a, outside);
    await eventually(() => a.notices.length === 1);
    for (let i = 0; i < 5; i++) step(a, outside, 500);
    await eventually(() => h.serverRoom(a).stats.dropped["out-of-bounds"] === 6);
    expect(a.notices.length).toBe(1);
    step(a, outside, NOTICE_INTERVAL_MS);
    await eventually(() => a.notices.length === 2);
    expect(a.notices[1]).toMatchObject({ code: "out-of-bounds" });
  });

  // The transport closes the socket before any handler sees the message (ws maxPayload), so this
  // counts as a drop of A's connection, not as a dropped message.
  it("closes a socket that sends more than the payload cap, without touching anyone else", async () => {
    step(a, headAt(1, 2));
    await expectSeenAt(b, a, 1, 2);
    const room = h.serverRoom(a);
    a.room.reconnection.enabled = false;
    a.room.send(ClientMessage.pose, { ...headAt(3, 3), pad: "x".repeat(MAX_PAYLOAD_BYTES * 2) });
    await eventually(() => b.room.state.participants.get(a.room.sessionId)?.connected === false);
    expect(totalDropped(room.stats)).toBe(0);
    await expectSeenAt(b, a, 1, 2);
    step(b, headAt(-1, 1));
    await expectSeenAt(b, b, -1, 1);
  });
});
