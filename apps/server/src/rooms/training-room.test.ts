import { ClientMessage } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../test-support/harness.js";

let h: TestServer;
afterEach(async () => h?.close());

describe("the training room as a list of features", () => {
  it("accepts every client message of the contract, each declared by one feature", async () => {
    h = await startTestServer();
    const a = await h.join("Ada");
    expect(h.serverRoom(a).messageTypes().sort()).toEqual(Object.values(ClientMessage).map(String).sort());
  });

  it("refuses a flood of a message beyond the rate its feature declared, and keeps the sender", async () => {
    h = await startTestServer();
    const a = await h.join("Ada");
    const room = h.serverRoom(a);
    // The room's clock is frozen (fake wall clock): only the declared burst gets through.
    for (let i = 0; i < 20; i++) a.room.send(ClientMessage.device, { device: i % 2 ? "vr" : "desktop" });
    await eventually(() => room.stats.dropped["rate-limited"] === 14);
    await eventually(() => a.notices.some((n) => n.code === "rate-limited"));
    expect(room.state.participants.get(a.room.sessionId)?.connected).toBe(true);
  });

  it("drops and counts a message type nobody declared, and tells the sender", async () => {
    h = await startTestServer();
    const a = await h.join("Ada");
    a.room.send("no-such-thing", { x: 1 });
    await eventually(() => a.notices.some((n) => /unknown message type no-such-thing/.test(n.text)));
    expect(h.serverRoom(a).stats.dropped["invalid-message"]).toBe(1);
    expect(h.serverRoom(a).stats.errors).toBe(0);
  });
});
