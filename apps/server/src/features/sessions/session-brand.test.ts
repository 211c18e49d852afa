import { parseSessionBrand } from "@otc/rooms";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../test-support/harness.js";

const ADMIN_SECRET = "brand secret";
let h: TestServer;
beforeEach(async () => {
  h = await startTestServer({ adminSecret: ADMIN_SECRET });
});
afterEach(async () => h.close());

const api = (path: string, body?: unknown) =>
  fetch(`${h.server.url}/api${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${ADMIN_SECRET}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("a session's own brand", () => {
  it("is kept, reaches a running room and every room opened later, and can be cleared", { timeout: 30_000 }, async () => {
    const ada = await h.join("Ada", { sessionId: "induction-week" });
    expect(ada.room.state.brand).toBe("");
    const brand = { primary: "#aa2233", bannerText: "Bienvenue", logoText: "ACME", logoImage: "brand/otc-logo.svg" };
    const saved = await api("/sessions/induction-week/brand", brand);
    expect(saved.status).toBe(200);
    expect(await (await api("/sessions/induction-week/brand")).json()).toEqual(brand);
    await eventually(() => expect(parseSessionBrand(ada.room.state.brand)).toEqual(brand));

    await ada.room.leave();
    const ben = await h.join("Ben", { sessionId: "induction-week" });
    expect(parseSessionBrand(ben.room.state.brand)).toEqual(brand);

    expect((await api("/sessions/induction-week/brand", { bannerText: "" })).status).toBe(200);
    await eventually(() => expect(ben.room.state.brand).toBe(""));
  });

  it("refuses bad colours, unknown fields and logos that are not on the server, with the reason", async () => {
    await h.join("Ada", { sessionId: "induction-week" });
    const bad = await api("/sessions/induction-week/brand", { primary: "red" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/primary/);
    expect((await api("/sessions/induction-week/brand", { colour: "#112233" })).status).toBe(400);
    const missing = await api("/sessions/induction-week/brand", { logoImage: "uploads/brand/0123456789abcdef0123456789abcdef.png" });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/upload the logo first/);
    expect((await api("/sessions/induction-week/brand", { logoImage: "brand/../../package.json" })).status).toBe(400);
    expect((await api("/sessions/no-such-session/brand", { primary: "#112233" })).status).toBe(404);
    expect(await (await api("/sessions/induction-week/brand")).json()).toEqual({});
  });
});
