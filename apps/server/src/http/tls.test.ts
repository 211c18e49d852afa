import { readFile } from "node:fs/promises";
import https from "node:https";
import path from "node:path";
import { X509Certificate, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test-support/harness.js";
import { lanIPv4Addresses } from "./lan.js";

let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function cachedCert(dataDir: string): Promise<string> {
  const file = JSON.parse(await readFile(path.join(dataDir, "tls", "self-signed.json"), "utf8")) as { cert: string };
  return file.cert;
}

/** A request over TLS (GET unless a JSON body is given), trusting only the server's own certificate (no verification switched off). */
function get(url: string, ca: string, json?: unknown): Promise<{ status: number; body: string; headers: import("node:http").IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { ca, method: json === undefined ? "GET" : "POST", headers: json === undefined ? {} : { "content-type": "application/json" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(json === undefined ? undefined : JSON.stringify(json));
  });
}

/** Opens a WebSocket handshake over TLS and reports the status line the server answered with. */
function upgrade(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      ca,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("response", (res) => resolve(res.statusCode ?? 0));
    req.on("error", reject);
    req.end();
  });
}

describe("https mode", () => {
  it("serves pages and WebSockets over TLS with a certificate for localhost and the LAN", async () => {
    h = await startTestServer({ https: true });
    expect(h.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = await cachedCert(h.dataDir);

    const sans = new X509Certificate(ca).subjectAltName ?? "";
    expect(sans).toContain("DNS:localhost");
    expect(sans).toContain("IP Address:127.0.0.1");
    for (const ip of lanIPv4Addresses()) expect(sans).toContain(`IP Address:${ip}`);

    const health = await get(`${h.server.url}/healthz`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true });
    expect(await upgrade(`${h.server.url}/`, ca)).toBe(101);
  });

  it("tells browsers to keep to HTTPS and marks the console cookie Secure", async () => {
    h = await startTestServer({ https: true, adminSecret: "tls-admin-secret" });
    const ca = await cachedCert(h.dataDir);
    expect((await get(`${h.server.url}/healthz`, ca)).headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}$/);
    const signIn = await get(`${h.server.url}/api/admin/sign-in`, ca, { secret: "tls-admin-secret" });
    expect(signIn.status).toBe(204);
    expect(signIn.headers["set-cookie"]?.[0]).toMatch(/; Secure/i);
  });

  it("reuses the cached certificate on the next start", async () => {
    h = await startTestServer({ https: true });
    const first = await cachedCert(h.dataDir);
    const dataDir = h.dataDir;
    await h.server.close();
    const again = await startTestServer({ https: true, dataDir });
    try {
      expect(await cachedCert(dataDir)).toBe(first);
      expect((await get(`${again.server.url}/healthz`, first)).status).toBe(200);
    } finally {
      await again.close();
    }
  });
});
