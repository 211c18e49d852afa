import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LinkKind } from "@otc/contract";
import { startServer, type RunningServer } from "@otc/server/src/app.ts";
import { MODERATION_COLLECTION, SETTINGS_KEY } from "@otc/server/src/features/moderation/moderation-store.ts";
import type { VoiceServerOptions } from "@otc/server/src/features/voice/sfu/sfu-setup.ts";
import { assetsDir, clientDist } from "./paths.js";

export interface TestServer {
  url: string;
  port: number;
  /** "mesh" or "sfu (managed Janus)". */
  voice: string;
  /** Path of a signed invitation (`/s/<id>?k=…`), creating the session (in `room`) if needed. */
  invite(sessionId: string, kind?: LinkKind, room?: string): Promise<string>;
  /**
   * Stores the session's capacity (its lock stays off) as the console would before the session runs:
   * a room reads it when it starts. Benches with more people than a template's seats need it.
   */
  setCapacity(sessionId: string, capacity: number): Promise<void>;
  /** A fresh one-time console sign-in path. */
  signInPath(): Promise<string>;
  /** Stops the server (rooms disposed, sockets closed) and starts it again on the same port and data. */
  restart(): Promise<void>;
  /** The running server's storage (tests that seed stored events, e.g. the training record's). */
  readonly storage: RunningServer["storage"];
  close(): Promise<void>;
}

export interface TestServerOptions {
  https?: boolean;
  /** Lets scripts call the console API with `Authorization: Bearer <adminSecret>`. */
  adminSecret?: string;
  reconnectWindowS?: number;
  voice?: VoiceServerOptions;
}

/** Starts the real server (Colyseus + the built client + SQLite in a temp folder) on 127.0.0.1 and a free port. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(clientDist, "index.html"))) {
    throw new Error(`The client is not built (${clientDist}). Run the README's test command, which builds it first.`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "otc-test-"));
  const boot = (port: number) =>
    startServer({
      port,
      host: "127.0.0.1",
      https: opts.https ?? false,
      clientDir: clientDist,
      assetsDir,
      dataDir,
      log: process.env.OTC_TEST_LOG ? (line: string) => console.log(`[server] ${line}`) : () => {},
      ...(opts.reconnectWindowS !== undefined ? { reconnectWindowS: opts.reconnectWindowS } : {}),
      ...(opts.voice ? { voice: opts.voice } : {}),
      ...(opts.adminSecret ? { adminSecret: opts.adminSecret } : {}),
    });
  let server: RunningServer = await boot(0);
  const port = server.port;
  return {
    url: server.url,
    port,
    get voice() {
      return server.voice;
    },
    async invite(sessionId, kind = "participant", room = "training-room") {
      const session = await server.sessions.ensure(sessionId, `Test ${sessionId}`, room);
      return server.sessions.link(session, kind);
    },
    async setCapacity(sessionId, capacity) {
      await server.storage.putDocument(sessionId, MODERATION_COLLECTION, SETTINGS_KEY, { locked: false, capacity }, Date.now());
    },
    signInPath: () => server.issueSignInPath(),
    get storage() {
      return server.storage;
    },
    async restart() {
      await server.close();
      server = await boot(port);
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
