import { CREATE_REFUSED_CODE, JOIN_REFUSED_CODE, SESSION_ENDED_CODE, type SessionSummary } from "@otc/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cutConnection, eventually, startTestServer, type TestServer } from "../../test-support/harness.js";
import { LINK_GRACE_MS } from "../sessions/session-service.js";

const ADMIN_SECRET = "correct horse battery staple";
let h: TestServer;

beforeEach(async () => {
  h = await startTestServer({ adminSecret: ADMIN_SECRET });
});
afterEach(async () => h.close());

const api = (path: string, init: { method?: string; body?: unknown; auth?: string; cookie?: string } = {}) =>
  fetch(`${h.server.url}/api${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.auth ? { authorization: `Bearer ${init.auth}` } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
const asAdmin = (path: string, init: { method?: string; body?: unknown } = {}) => api(path, { ...init, auth: ADMIN_SECRET });
const tokenOf = (path: string) => new URL(path, "http://x").searchParams.get("k")!;

async function createSession(body: Record<string, unknown> = {}): Promise<SessionSummary> {
  const res = await asAdmin("/sessions", { method: "POST", body: { title: "Induction week", room: "training-room", language: "fr", ...body } });
  expect(res.status).toBe(201);
  return (await res.json()) as SessionSummary;
}

describe("the console API is closed without a sign-in", () => {
  const privileged: Array<[string, string, unknown?]> = [
    ["GET", "/admin/me"],
    ["GET", "/rooms"],
    ["GET", "/sessions"],
    ["POST", "/sessions", { title: "x", room: "training-room", language: "en" }],
    ["GET", "/sessions/demo"],
    ["POST", "/sessions/demo/links/participant", {}],
    ["POST", "/sessions/demo/links/facilitator", {}],
    ["POST", "/sessions/demo/end", {}],
  ];
  it.each(privileged)("%s %s answers 401 with how to sign in", async (method, path, body) => {
    const res = await api(path, { method, body });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/sign-in link the server printed|ADMIN_SECRET/);
  });

  it.each(privileged)("%s %s answers 401 to a participant or facilitator link used as a credential", async (method, path, body) => {
    const session = await createSession();
    for (const kind of ["participant", "facilitator"] as const) {
      const res = await api(path, { method, body, auth: tokenOf(session.links[kind]) });
      expect(res.status).toBe(401);
    }
    expect(await h.server.sessions.get(session.id)).toMatchObject({ endedAt: null, linkVersions: { participant: 1, facilitator: 1 } });
  });
});

describe("signing in", () => {
  it("redeems the printed one-time link exactly once, and the cookie opens the API", async () => {
    const token = new URL(await h.server.issueSignInPath(), "http://x").searchParams.get("signin")!;
    const first = await api("/admin/sign-in", { method: "POST", body: { token } });
    expect(first.status).toBe(204);
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(first.headers.get("set-cookie")).toMatch(/SameSite=Strict/i);
    expect((await api("/sessions", { cookie })).status).toBe(200);
    const again = await api("/admin/sign-in", { method: "POST", body: { token } });
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: string }).error).toMatch(/already used or has expired/);
  });

  it("takes the ADMIN_SECRET and refuses a wrong one or a forged cookie", async () => {
    expect((await api("/admin/sign-in", { method: "POST", body: { secret: ADMIN_SECRET } })).status).toBe(204);
    expect((await api("/admin/sign-in", { method: "POST", body: { secret: "guess" } })).status).toBe(401);
    const forged = `otc_admin=${h.clock.now + 1e9}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await api("/sessions", { cookie: forged })).status).toBe(401);
  });

  it("signing out ends that cookie on the server, not only in the browser", async () => {
    const signIn = await api("/admin/sign-in", { method: "POST", body: { secret: ADMIN_SECRET } });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const other = (await api("/admin/sign-in", { method: "POST", body: { secret: ADMIN_SECRET } })).headers.get("set-cookie")!.split(";")[0]!;
    expect((await api("/sessions", { cookie })).status).toBe(200);
    expect((await api("/admin/sign-out", { method: "POST", body: {}, cookie })).status).toBe(204);
    expect((await api("/sessions", { cookie })).status).toBe(401); // a copy of the cookie is useless now
    expect((await api("/sessions", { cookie: other })).status).toBe(200); // another console stays signed in
  });

  it("throttles failed sign-ins from one address: five a minute, then 429 with Retry-After", async () => {
    for (let i = 0; i < 5; i++) expect((await api("/admin/sign-in", { method: "POST", body: { secret: `guess ${i}` } })).status).toBe(401);
    h.clock.now += 20_000;
    const refused = await api("/admin/sign-in", { method: "POST", body: { secret: ADMIN_SECRET } });
    expect(refused.status).toBe(429); // even the right secret, or guessing would go on
    expect(refused.headers.get("retry-after")).toBe("40");
    expect(((await refused.json()) as { error: string }).error).toMatch(/Too many failed sign-ins.*40 s/);
    h.clock.now += 40_000;
    expect((await api("/admin/sign-in", { method: "POST", body: { secret: ADMIN_SECRET } })).status).toBe(204);
  });

  it("refuses writes that are not JSON (no cross-site form posts)", async () => {
    const res = await fetch(`${h.server.url}/api/sessions`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/x-www-form-urlencoded" }, body: "title=x" });
    expect(res.status).toBe(415);
  });
});

describe("sessions", () => {
  it("creates, lists, opens and ends a session", async () => {
    const created = await createSession({ schedule: { startsAt: h.clock.now, endsAt: h.clock.now + 3_600_000 } });
    expect(created).toMatchObject({ title: "Induction week", room: "training-room", language: "fr", endedAt: null });
    expect(created.id).toMatch(/^induction-week-[a-z2-9]{6}$/);
    expect(created.links.participant).toMatch(new RegExp(`^/s/${created.id}\\?k=`));
    const list = (await (await asAdmin("/sessions")).json()) as SessionSummary[];
    expect(list.map((s) => s.id)).toContain(created.id);
    expect(await (await asAdmin(`/sessions/${created.id}`)).json()).toEqual(created);
    const ended = (await (await asAdmin(`/sessions/${created.id}/end`, { method: "POST", body: {} })).json()) as SessionSummary;
    expect(ended.endedAt).toBe(h.clock.now);
    expect((await asAdmin("/sessions/nope")).status).toBe(404);
  });

  it("explains what is wrong with a bad session request", async () => {
    const res = await asAdmin("/sessions", { method: "POST", body: { title: "  ", room: "moon-base", language: "de" } });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/title/);
    expect(error).toMatch(/language/);
    const unknownRoom = await asAdmin("/sessions", { method: "POST", body: { title: "T", room: "moon-base", language: "en" } });
    expect(((await unknownRoom.json()) as { error: string }).error).toMatch(/moon-base.*not one of the room templates/);
  });

  it("lets each link join with its own role, decided by the server", async () => {
    const s = await createSession();
    const fac = await h.join("Fatou", { sessionId: s.id, link: tokenOf(s.links.facilitator) });
    const par = await h.join("Pablo", { sessionId: s.id, link: tokenOf(s.links.participant) });
    await eventually(() => fac.room.state.participants.size === 2);
    expect(fac.room.state.title).toBe("Induction week");
    expect(fac.room.state.language).toBe("fr");
    expect(fac.room.state.participants.get(fac.room.sessionId)?.role).toBe("facilitator");
    expect(fac.room.state.participants.get(par.room.sessionId)?.role).toBe("participant");
  });

  it("refuses an edited link, a link of another session, no link, a replaced link and an expired link, each with its reason", async () => {
    const s = await createSession({ schedule: { startsAt: h.clock.now, endsAt: h.clock.now + 3_600_000 } });
    const other = await createSession({ title: "Other" });
    const refusal = (link: string | undefined, sessionId = s.id) => h.join("X", { sessionId, link }).then(() => "joined", (e: { code: number; message: string }) => `${e.code} ${e.message}`);
    const participant = tokenOf(s.links.participant);
    const edited = participant.slice(0, 5) + (participant[5] === "A" ? "B" : "A") + participant.slice(6);
    expect(await refusal(edited)).toBe(`${CREATE_REFUSED_CODE} invalid-link`);
    expect(await refusal(tokenOf(other.links.participant))).toBe(`${CREATE_REFUSED_CODE} wrong-session`);
    expect(await refusal("")).toBe(`${CREATE_REFUSED_CODE} no-link`);
    const renewed = (await (await asAdmin(`/sessions/${s.id}/links/participant`, { method: "POST", body: {} })).json()) as SessionSummary;
    expect(await refusal(participant)).toBe(`${CREATE_REFUSED_CODE} link-replaced`);
    expect(await refusal(tokenOf(renewed.links.participant))).toBe("joined");
    expect(await refusal(tokenOf(renewed.links.facilitator))).toBe("joined"); // the other kind was not touched
    h.clock.now += 3_600_000 + LINK_GRACE_MS + 1;
    expect(await refusal(tokenOf(renewed.links.participant))).toBe(`${JOIN_REFUSED_CODE} link-expired`); // the room is open by now: the socket refuses
  });

  it("renewing a link takes every seat it admitted, connected or dropped, and leaves the other kind seated", async () => {
    const s = await createSession();
    const ada = await h.join("Ada", { sessionId: s.id, link: tokenOf(s.links.participant) });
    const ben = await h.join("Ben", { sessionId: s.id, link: tokenOf(s.links.participant) });
    const fay = await h.join("Fay", { sessionId: s.id, link: tokenOf(s.links.facilitator) });
    const adaClosed = new Promise<number>((resolve) => ada.room.onLeave((code) => resolve(code)));
    ben.room.reconnection.enabled = false;
    cutConnection(ben); // Ben is in his reconnection window when the link is renewed
    await eventually(() => fay.room.state.participants.get(ben.room.sessionId)?.connected === false);
    await asAdmin(`/sessions/${s.id}/links/participant`, { method: "POST", body: {} });
    expect(await adaClosed).toBe(JOIN_REFUSED_CODE);
    expect(ada.notices.map((n) => n.code)).toContain("link-replaced");
    await eventually(() => fay.room.state.participants.size === 1);
    await expect(h.reconnect(ben)).rejects.toBeDefined();
    expect(fay.room.state.participants.get(fay.room.sessionId)?.connected).toBe(true);
  });

  it("ending a session closes the room for everyone in it and refuses new joins", async () => {
    const s = await createSession();
    const a = await h.join("Ada", { sessionId: s.id, link: tokenOf(s.links.participant) });
    const closed = new Promise<number>((resolve) => a.room.onLeave((code) => resolve(code)));
    await asAdmin(`/sessions/${s.id}/end`, { method: "POST", body: {} });
    expect(await closed).toBe(SESSION_ENDED_CODE);
    expect(a.notices.map((n) => n.code)).toContain("session-ended");
    await expect(h.join("Ben", { sessionId: s.id, link: tokenOf(s.links.participant) })).rejects.toMatchObject({ message: "session-ended" });
  });
});
