import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test-support/harness.js";

let h: TestServer;
beforeEach(async () => {
  h = await startTestServer();
});
afterEach(async () => h.close());

describe("security headers", () => {
  it("come with every answer: pages, files, the API, uploads and errors", async () => {
    for (const path of ["/", "/s/demo", "/console", "/healthz", "/assets/rooms/training-room.json", "/api/admin/me", "/avatars/nope.glb", "/nope.js"]) {
      const res = await fetch(`${h.server.url}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(csp.split(/[ ;]+/), path).not.toContain("'unsafe-eval'");
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(csp, path).toContain(`connect-src 'self' data: blob: ws://${new URL(h.server.url).host} wss://${new URL(h.server.url).host}`);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security"), path).toBeNull(); // plain HTTP: HSTS would be ignored
    }
  });
});
