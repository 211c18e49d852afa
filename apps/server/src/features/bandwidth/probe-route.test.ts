import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECTION_PROBE_BYTES, CONNECTION_PROBE_PATH } from "@otc/contract";
import { startTestServer, type TestServer } from "../../test-support/harness.js";

let h: TestServer;
beforeAll(async () => {
  h = await startTestServer();
});
afterAll(async () => {
  await h.close();
});

describe("connection check endpoint", () => {
  it("answers the asked number of bytes, uncached, and refuses more than the cap", async () => {
    const small = await fetch(`${h.server.url}${CONNECTION_PROBE_PATH}?bytes=${CONNECTION_PROBE_BYTES}`);
    expect(small.status).toBe(200);
    expect(small.headers.get("cache-control")).toBe("no-store");
    expect((await small.arrayBuffer()).byteLength).toBe(CONNECTION_PROBE_BYTES);
    const bare = await fetch(`${h.server.url}${CONNECTION_PROBE_PATH}`);
    expect((await bare.arrayBuffer()).byteLength).toBe(0);
    expect((await fetch(`${h.server.url}${CONNECTION_PROBE_PATH}?bytes=${CONNECTION_PROBE_BYTES + 1}`)).status).toBe(400);
  });
});
