import { afterEach, describe, expect, it } from "vitest";
import { cutConnection, eventually, headAt, startTestServer, type TestServer } from "../../test-support/harness.js";

let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("reconnection", () => {
  it("gives a dropped person their own seat back within the window", async () => {
    h = await startTestServer();
    const a = await h.join("Ada", { colour: "#112233" });
    const b = await h.join("Ben");
    await eventually(() => b.room.state.participants.size === 2);
    const before = { ...b.room.state.participants.get(a.room.sessionId)!.toJSON() };

    a.room.reconnection.enabled = false; // resume by hand, as a reloading page would
    cutConnection(a);
    await eventually(() => b.room.state.participants.get(a.room.sessionId)?.connected === false);
    expect(b.room.state.participants.size).toBe(2);

    // Ben walks while Ada is away; she must see where he is now, not where he was.
    h.clock.now += 1000;
    b.sendPose(headAt(-2, 1));
    const benSlot = b.room.state.participants.get(b.room.sessionId)!.slot;
    await eventually(() => Math.abs((b.decoder.get(benSlot)?.head.p[0] ?? 0) + 2) < 0.01);

    const back = await h.reconnect(a);
    expect(back.room.sessionId).toBe(a.room.sessionId);
    await eventually(() => b.room.state.participants.get(a.room.sessionId)?.connected === true);
    expect(b.room.state.participants.size).toBe(2);
    expect(b.room.state.participants.get(a.room.sessionId)!.toJSON()).toEqual({ ...before, connected: true });
    await eventually(() => {
      const ben = back.decoder.get(benSlot)?.head.p;
      expect(ben?.[0]).toBeCloseTo(-2, 2);
      expect(ben?.[2]).toBeCloseTo(1, 2);
    });

    // And her poses flow again under the same slot.
    h.clock.now += 1000;
    back.sendPose(headAt(0.5, 0.5));
    await eventually(() => Math.abs((b.decoder.get(before.slot)?.head.p[0] ?? 0) - 0.5) < 0.01);
  });

  it("reconnects automatically after a network blip (SDK default behaviour)", async () => {
    h = await startTestServer();
    const a = await h.join("Ada");
    const b = await h.join("Ben");
    a.room.reconnection.minUptime = 0;
    let reconnected = false;
    a.room.onReconnect(() => (reconnected = true));
    cutConnection(a);
    await eventually(() => reconnected, 5000, "automatic reconnection");
    await eventually(() => b.room.state.participants.get(a.room.sessionId)?.connected === true);
    expect(b.room.state.participants.size).toBe(2);
    expect(b.room.state.participants.get(a.room.sessionId)?.slot).toBe(0);
  });

  it("frees the seat once the window has passed", async () => {
    h = await startTestServer({ reconnectWindowS: 0.3 });
    const a = await h.join("Ada");
    const b = await h.join("Ben");
    a.room.reconnection.enabled = false;
    cutConnection(a);
    await eventually(() => b.room.state.participants.get(a.room.sessionId)?.connected === false);
    await eventually(() => !b.room.state.participants.has(a.room.sessionId), 3000, "seat to be freed");
    expect(b.room.state.participants.size).toBe(1);
    await expect(h.reconnect(a)).rejects.toThrow();

    const c = await h.join("Cleo");
    await eventually(() => b.room.state.participants.size === 2);
    expect(b.room.state.participants.get(c.room.sessionId)?.slot).toBe(2); // round robin: 0 was Ada's
  });
});
