import { ClientMessage, ServerMessage, type PortalOpen } from "@otc/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

let h: TestServer;
beforeEach(async () => {
  h = await startTestServer();
});
afterEach(async () => h.close());

/** Sends `portal.use` and waits for where the door leads. */
async function walkThrough(client: TestClient, portal: string): Promise<PortalOpen> {
  const opened = new Promise<PortalOpen>((resolve) => client.room.onMessage(ServerMessage.portalOpen, resolve));
  client.room.send(ClientMessage.portalUse, { portal });
  return opened;
}
const tokenOf = (path: string) => new URL(path, "http://x").searchParams.get("k")!;

describe("doors between rooms", () => {
  it("lead from the lobby to the training's classroom session and back, the same session for everyone", async () => {
    await h.server.sessions.ensure("welcome-day", "Welcome day", "lobby");
    const ada = await h.join("Ada", { sessionId: "welcome-day" });
    const open = await walkThrough(ada, "to-classroom");
    expect(open.path).toMatch(/^\/s\/welcome-day-classroom\?k=/);
    expect(open.title).toBe("Welcome day · Classroom (30 seats)");

    const inClass = await h.join("Ada", { sessionId: "welcome-day-classroom", link: tokenOf(open.path) });
    expect(inClass.room.state.roomLayout).toBe("classroom");
    expect(inClass.room.state.title).toBe("Welcome day · Classroom (30 seats)");

    const ben = await h.join("Ben", { sessionId: "welcome-day" });
    expect((await walkThrough(ben, "to-classroom")).path).toMatch(/^\/s\/welcome-day-classroom\?k=/);
    // The classroom's door to the lobby leads back to the training's own lobby session.
    expect((await walkThrough(inClass, "to-lobby")).path).toMatch(/^\/s\/welcome-day\?k=/);
  });

  it("gives a facilitator a facilitator link and a participant a participant link", async () => {
    await h.server.sessions.ensure("welcome-day", "Welcome day", "lobby");
    const fac = await h.join("Fatou", { sessionId: "welcome-day" }, { kind: "facilitator" });
    const pat = await h.join("Pat", { sessionId: "welcome-day" });
    const facDoor = await walkThrough(fac, "to-auditorium");
    const patDoor = await walkThrough(pat, "to-auditorium");
    const inAuditorium = await h.join("Fatou", { sessionId: "welcome-day-auditorium", link: tokenOf(facDoor.path) });
    expect(inAuditorium.room.state.participants.get(inAuditorium.room.sessionId)?.role).toBe("facilitator");
    const patIn = await h.join("Pat", { sessionId: "welcome-day-auditorium", link: tokenOf(patDoor.path) });
    expect(patIn.room.state.participants.get(patIn.room.sessionId)?.role).toBe("participant");
  });

  it("refuses a door that is not in the room, and a malformed message, with a notice and no harm", async () => {
    await h.server.sessions.ensure("welcome-day", "Welcome day", "lobby");
    const ada = await h.join("Ada", { sessionId: "welcome-day" });
    ada.room.send(ClientMessage.portalUse, { portal: "to-the-roof" });
    ada.room.send(ClientMessage.portalUse, { portal: "../etc" });
    ada.room.send(ClientMessage.portalUse, "nonsense");
    await eventually(() => expect(ada.notices.length).toBeGreaterThanOrEqual(2)); // repeated refusals are told once a while
    expect(ada.notices[0]).toEqual({ code: "no-such-door" });
    expect(ada.notices[1]?.code).toBe("invalid-message");
    let opened = 0;
    ada.room.onMessage(ServerMessage.portalOpen, () => opened++);
    ada.room.send(ClientMessage.portalUse, { portal: "to-classroom" }); // within a second of the last door: dropped
    await sleep(300); // let the room take it before its clock moves on
    h.clock.now += 1000;
    expect((await walkThrough(ada, "to-classroom")).path).toMatch(/^\/s\/welcome-day-classroom/);
    expect(opened).toBe(1);
  });
});
