import { ClientMessage } from "@otc/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";
import { ROLES_COLLECTION, personIdOf } from "../sessions/admission.js";

let h: TestServer;
let fac: TestClient;
let pat: TestClient;
const patKey = newPersonKey();

const roleOf = (viewer: TestClient, who: TestClient) => viewer.room.state.participants.get(who.room.sessionId)?.role;

beforeEach(async () => {
  h = await startTestServer();
  fac = await h.join("Fatou", {}, { kind: "facilitator" });
  pat = await h.join("Pablo", {}, { personKey: patKey });
  await eventually(() => fac.room.state.participants.size === 2 && pat.room.state.participants.size === 2);
});
afterEach(async () => h.close());

describe("roles in the room", () => {
  it("a facilitator promotes a participant to co-facilitator and demotes them; everyone sees it", async () => {
    fac.room.send(ClientMessage.setRole, { participantId: pat.room.sessionId, role: "co-facilitator" });
    await eventually(() => roleOf(pat, pat) === "co-facilitator" && roleOf(fac, pat) === "co-facilitator");
    // durable before anyone saw it: the document is already there
    const doc = await h.server.storage.getDocument<{ role: string }>("demo", ROLES_COLLECTION, personIdOf(patKey));
    expect(doc?.body.role).toBe("co-facilitator");
    fac.room.send(ClientMessage.setRole, { participantId: pat.room.sessionId, role: "participant" });
    await eventually(() => roleOf(fac, pat) === "participant");
  });

  it("a promotion belongs to the person: it is back when they join again", async () => {
    fac.room.send(ClientMessage.setRole, { participantId: pat.room.sessionId, role: "co-facilitator" });
    await eventually(() => roleOf(fac, pat) === "co-facilitator");
    await pat.room.leave(true);
    const again = await h.join("Pablo", {}, { personKey: patKey });
    expect(roleOf(again, again)).toBe("co-facilitator");
    const stranger = await h.join("Pablo", {}, { personKey: newPersonKey() }); // same name, another person
    expect(roleOf(stranger, stranger)).toBe("participant");
  });

  it("refuses set-role from a participant, with a notice, and changes nothing", async () => {
    pat.room.send(ClientMessage.setRole, { participantId: pat.room.sessionId, role: "co-facilitator" });
    await eventually(() => pat.notices.some((n) => n.code === "not-allowed"));
    await sleep(100);
    expect(roleOf(fac, pat)).toBe("participant");
    expect(await h.server.storage.listDocuments("demo", ROLES_COLLECTION)).toEqual([]);
  });

  it("refuses set-role from a co-facilitator (only a facilitator hands out roles)", async () => {
    fac.room.send(ClientMessage.setRole, { participantId: pat.room.sessionId, role: "co-facilitator" });
    await eventually(() => roleOf(pat, pat) === "co-facilitator");
    const third = await h.join("Third");
    await eventually(() => pat.room.state.participants.size === 3);
    pat.room.send(ClientMessage.setRole, { participantId: third.room.sessionId, role: "co-facilitator" });
    await eventually(() => pat.notices.some((n) => n.code === "not-allowed"));
    expect(roleOf(fac, third)).toBe("participant");
  });

  it("will not demote someone whose facilitator role comes from their link", async () => {
    const other = await h.join("Other facilitator", {}, { kind: "facilitator" });
    await eventually(() => fac.room.state.participants.size === 3);
    fac.room.send(ClientMessage.setRole, { participantId: other.room.sessionId, role: "participant" });
    await eventually(() => fac.notices.some((n) => n.code === "role-from-link"));
    expect(roleOf(other, other)).toBe("facilitator");
  });

  it("drops a malformed set-role with a notice and keeps the room running", async () => {
    fac.room.send(ClientMessage.setRole, { participantId: pat.room.sessionId, role: "facilitator" });
    fac.room.send(ClientMessage.setRole, "junk");
    await eventually(() => fac.notices.some((n) => n.code === "invalid-message")); // notices are throttled per sender: one for both
    expect(roleOf(fac, pat)).toBe("participant");
    fac.room.send(ClientMessage.setRole, { participantId: pat.room.sessionId, role: "co-facilitator" });
    await eventually(() => roleOf(pat, pat) === "co-facilitator");
  });
});
