import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { matchMaker } from "@colyseus/core";
import { ColyseusSDK, type Room as SdkRoom } from "@colyseus/sdk";
import {
  ClientMessage,
  PROTOCOL_VERSION,
  SESSION_ID_PATTERN,
  ServerMessage,
  TRAINING_ROOM,
  TrainingState,
  type JoinOptions,
  type LinkKind,
  type Notice,
  type PoseMessage,
} from "@otc/contract";
import { PresenceDecoder } from "@otc/presence";
import { startServer, type RunningServer, type StartServerOptions } from "../app.js";
import type { TrainingRoom } from "../rooms/training-room.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const ASSETS_DIR = path.join(REPO_ROOT, "assets");

/** A real server on a free port with throwaway client/data folders. Always `close()` it. */
export interface TestServer {
  server: RunningServer;
  sdk: ColyseusSDK;
  clientDir: string;
  dataDir: string;
  /** Mutable fake wall clock (ms) the rooms use for message timing. */
  clock: { now: number };
  /**
   * Joins with a freshly signed link of the given kind (participant by default) for `options.sessionId`
   * ("demo" by default), creating that session first if needed. Pass `link` to join with a link of your own.
   */
  join(name: string, options?: Partial<JoinOptions>, as?: JoinAs): Promise<TestClient>;
  /** A signed link token (the `k` parameter) of the session's current version, creating the session if needed. */
  linkToken(sessionId: string, kind?: LinkKind): Promise<string>;
  /** Resumes a dropped client's seat with its reconnection token, as a fresh SDK room. */
  reconnect(client: TestClient): Promise<TestClient>;
  /** The server-side room a client is in (same process). */
  serverRoom(client: TestClient): TrainingRoom;
  close(): Promise<void>;
}

export interface JoinAs {
  kind?: LinkKind;
  /** Same key = same person (e.g. rejoining after a restart); default: a new person. */
  personKey?: string;
}

/** A new random person key, as a browser tab would make. */
export const newPersonKey = () => randomBytes(16).toString("base64url");

/** An SDK client that decodes presence frames like the real client would. */
export interface TestClient {
  room: SdkRoom<unknown, TrainingState>;
  decoder: PresenceDecoder;
  notices: Notice[];
  sendPose(message: PoseMessage): void;
}

export async function startTestServer(overrides: Partial<StartServerOptions> & { withClient?: boolean } = {}): Promise<TestServer> {
  const tmp = await mkdtemp(path.join(tmpdir(), "otc-server-test-"));
  const clientDir = path.join(tmp, "client");
  const dataDir = path.join(tmp, "data");
  if (overrides.withClient) {
    await mkdir(clientDir, { recursive: true });
    await writeFile(path.join(clientDir, "index.html"), "<!doctype html><title>OTC test shell</title><div id=root></div>");
  }
  const clock = { now: 1_000_000 };
  const { withClient: _ignored, ...serverOpts } = overrides;
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    clientDir,
    assetsDir: ASSETS_DIR,
    dataDir,
    log: () => undefined,
    now: () => clock.now,
    ...serverOpts,
  });
  const linkToken = async (sessionId: string, kind: LinkKind = "participant") => {
    const session = await server.sessions.ensure(sessionId, `Test ${sessionId}`, "training-room");
    return new URL(server.sessions.link(session, kind), "http://x").searchParams.get("k")!;
  };
  const sdk = new ColyseusSDK(server.url.replace(/^http/, "ws"));
  const clients: TestClient[] = [];
  const adopt = async (room: SdkRoom<unknown, TrainingState>): Promise<TestClient> => {
    const client: TestClient = {
      room,
      decoder: new PresenceDecoder(),
      notices: [],
      sendPose: (message) => room.send(ClientMessage.pose, message),
    };
    room.onMessage(ServerMessage.presenceFrame, (bytes: Uint8Array) => client.decoder.apply(bytes));
    room.onMessage(ServerMessage.notice, (notice: Notice) => client.notices.push(notice));
    // Messages a test did not ask for (a facilitator's onboarding table, poll state) are dropped quietly
    // instead of each printing the SDK's "onMessage() not registered" warning.
    room.onMessage("*", () => undefined);
    clients.push(client);
    await eventually(() => room.state.participants?.get(room.sessionId) !== undefined);
    return client;
  };

  return {
    server,
    sdk,
    clientDir,
    dataDir,
    clock,
    linkToken,
    async join(name, options = {}, as = {}) {
      const sessionId = options.sessionId ?? "demo";
      const link = "link" in options ? options.link : SESSION_ID_PATTERN.test(sessionId) ? await linkToken(sessionId, as.kind) : undefined;
      const room = await sdk.joinOrCreate<TrainingState>(
        TRAINING_ROOM,
        { protocol: PROTOCOL_VERSION, sessionId, name, colour: "#3366cc", device: "desktop", personKey: as.personKey ?? newPersonKey(), ...options, link },
        TrainingState,
      );
      return adopt(room);
    },
    async reconnect(client) {
      return adopt(await sdk.reconnect<TrainingState>(client.room.reconnectionToken, TrainingState));
    },
    serverRoom(client) {
      const found: unknown = matchMaker.getLocalRoomById(client.room.roomId);
      if (!found) throw new Error(`room ${client.room.roomId} is not in this process`);
      return found as TrainingRoom;
    },
    async close() {
      for (const c of clients) c.room.reconnection.enabled = false;
      await server.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds (or throws), failing after `timeoutMs`. Assert on eventual state, never ticks. */
export async function eventually(check: () => boolean | void, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (check() !== false) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw last instanceof Error ? last : new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A standing head at (x, y, z) facing -z, no hands. */
export function headAt(x: number, z: number, y = 1.6): PoseMessage {
  return { h: [x, y, z, 0, 0, 0, 1], l: null, r: null };
}

/** Cuts a client's socket the way a lost Wi-Fi link does (no close frame: the server sees a drop). */
export function cutConnection(client: TestClient): void {
  const transport = client.room.connection.transport as unknown as { ws: { terminate?: () => void; close: () => void } };
  if (transport.ws.terminate) transport.ws.terminate();
  else transport.ws.close();
}
