import { CREATE_REFUSED_CODE, ClientMessage, JOIN_REFUSED_CODE, PROTOCOL_VERSION, TRAINING_ROOM } from "@otc/contract";
import { matchMaker } from "@colyseus/core";
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
    await eventually(() => a.notices.some((n) => /unknown message type no-such-thing/.test(String(n.params?.detail))));
    expect(h.serverRoom(a).stats.dropped["invalid-message"]).toBe(1);
    expect(h.serverRoom(a).stats.errors).toBe(0);
  });
});

describe("who may create a room", () => {
  /** What `POST /matchmake/create/training` answers for these options, as anyone on the network could send it. */
  const create = async (body: object) => {
    const res = await fetch(`${h.server.url}/matchmake/create/${TRAINING_ROOM}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { code?: number; error?: string; roomId?: string } };
  };
  const trainingRooms = async () => (await matchMaker.query({ name: TRAINING_ROOM })).length;

  it("refuses a room for a random id, or for a live session without its invitation, and makes nothing", async () => {
    h = await startTestServer();
    const a = await h.join("Ada", { sessionId: "live-one" });
    expect(await trainingRooms()).toBe(1);
    const random = await create({ sessionId: "made-up-id", protocol: PROTOCOL_VERSION, name: "X", colour: "#3366cc", device: "desktop", personKey: "k".repeat(22) });
    expect(random.body.code).toBe(CREATE_REFUSED_CODE);
    expect(random.body.error).toBe("no-link"); // a code: the page words it
    const second = await create({ sessionId: "live-one", protocol: PROTOCOL_VERSION, name: "X", colour: "#3366cc", device: "desktop", personKey: "k".repeat(22) });
    expect(second.body.code).toBe(CREATE_REFUSED_CODE);
    expect(await trainingRooms()).toBe(1);
    expect(h.serverRoom(a).state.participants.size).toBe(1);
  });

  it("refuses a second room for a live session even with a valid invitation", async () => {
    h = await startTestServer();
    await h.join("Ada", { sessionId: "live-two" });
    const link = await h.linkToken("live-two");
    const second = await create({ sessionId: "live-two", link, protocol: PROTOCOL_VERSION, name: "X", colour: "#3366cc", device: "desktop", personKey: "k".repeat(22) });
    expect(second.body.code).toBe(CREATE_REFUSED_CODE);
    expect(second.body.error).toBe("open-elsewhere");
    expect(await trainingRooms()).toBe(1);
  });

  it("still refuses a bad link on the socket (4403) once the session's room exists", async () => {
    h = await startTestServer();
    await h.join("Ada", { sessionId: "live-three" });
    await expect(h.join("Mallory", { sessionId: "live-three", link: "forged" })).rejects.toMatchObject({ code: JOIN_REFUSED_CODE });
  });
});
