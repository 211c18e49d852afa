import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, roomLayoutSchema } from "@otc/contract";
import { startServer } from "./app.js";
import { ASSETS_DIR, startTestServer, type TestServer } from "./test-support/harness.js";

let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("http", () => {
  it("answers /healthz", async () => {
    h = await startTestServer();
    const res = await fetch(`${h.server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, protocol: PROTOCOL_VERSION });
  });

  it("serves room layouts from /assets, and 404 for what is not there", async () => {
    h = await startTestServer();
    const res = await fetch(`${h.server.url}/assets/rooms/training-room.json`);
    expect(res.status).toBe(200);
    expect(roomLayoutSchema.safeParse(await res.json()).success).toBe(true);
    expect((await fetch(`${h.server.url}/assets/rooms/nowhere.json`)).status).toBe(404);
    expect((await fetch(`${h.server.url}/assets/../package.json`)).status).toBe(404);
  });

  it("serves the built client, with the app shell for session links", async () => {
    h = await startTestServer({ withClient: true });
    for (const path of ["/", "/s/demo", "/s/another-session"]) {
      const res = await fetch(`${h.server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toContain("OTC test shell");
    }
    expect((await fetch(`${h.server.url}/missing.js`)).status).toBe(404);
  });

  it("explains that the client is not built instead of failing obscurely", async () => {
    h = await startTestServer({ withClient: false });
    const res = await fetch(`${h.server.url}/s/demo`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("client not built: run the start command");
  });

  it("keeps Colyseus matchmaking on the same port", async () => {
    h = await startTestServer();
    const a = await h.join("Ada");
    expect(a.room.state.participants.size).toBe(1);
  });
});

describe("lifecycle", () => {
  it("starts and stops repeatedly in one process, on a real free port each time", async () => {
    for (let i = 0; i < 3; i++) {
      const s = await startTestServer();
      expect(s.server.port).toBeGreaterThan(0);
      expect(s.server.url).toBe(`http://127.0.0.1:${s.server.port}`);
      const a = await s.join(`Run ${i}`);
      expect(a.room.state.participants.size).toBe(1);
      await s.close();
      await expect(fetch(`${s.server.url}/healthz`)).rejects.toThrow();
    }
  });

  it("refuses a second server in the same process while one runs", async () => {
    h = await startTestServer();
    await expect(startTestServer()).rejects.toThrow(/already running/);
  });

  it("reports a busy port and can start again afterwards", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    // A throwaway data folder: as root, "/nonexistent" would be created and shared between runs and branches.
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-busy-port-"));
    try {
      await expect(
        startServer({ port, host: "127.0.0.1", clientDir: "/nonexistent", assetsDir: ASSETS_DIR, dataDir, log: () => undefined }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
    h = await startTestServer();
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
  });
});
