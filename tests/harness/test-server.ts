import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "@otc/server/src/app.ts";
import { assetsDir, clientDist } from "./paths.js";

export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the real server (Colyseus + the built client) on 127.0.0.1 and a free port. */
export async function startTestServer(opts: { https?: boolean; reconnectWindowS?: number } = {}): Promise<TestServer> {
  if (!existsSync(path.join(clientDist, "index.html"))) {
    throw new Error(`The client is not built (${clientDist}). Run the README's test command, which builds it first.`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "otc-test-"));
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    https: opts.https ?? false,
    clientDir: clientDist,
    assetsDir,
    dataDir,
    log: () => {},
    ...(opts.reconnectWindowS !== undefined ? { reconnectWindowS: opts.reconnectWindowS } : {}),
  });
  return {
    url: server.url,
    port: server.port,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
