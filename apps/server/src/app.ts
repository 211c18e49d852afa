import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { Server, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { RECONNECT_WINDOW_S, TRAINING_ROOM } from "@otc/contract";
import { mountErrorHandler, mountStaticRoutes } from "./http/static-routes.js";
import { selfSignedTls } from "./http/tls.js";
import { ensureWebSocketGlobal } from "./node20-websocket.js";
import { loadRoomLayout } from "./rooms/room-layout.js";
import { trainingRoomWith } from "./rooms/training-room.js";

export interface StartServerOptions {
  port: number;
  /** Interface to bind; default 0.0.0.0 (all IPv4), so headsets on the LAN can connect. */
  host?: string;
  /** Serve https/wss with a self-signed certificate cached under dataDir (WebXR needs a secure origin off localhost). */
  https?: boolean;
  clientDir: string;
  assetsDir: string;
  dataDir: string;
  log?: (line: string) => void;
  /** Seconds a dropped participant keeps their seat; default RECONNECT_WINDOW_S. Tests shorten it. */
  reconnectWindowS?: number;
  /** Wall clock for message timing, ms; default Date.now. Tests pass a fake one. */
  now?: () => number;
}

export interface RunningServer {
  /** Base URL with the real port, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Largest WebSocket message a client may send, bytes; a pose is ~200. Bigger frames close the socket. */
export const MAX_PAYLOAD_BYTES = 2048;

// Colyseus keeps its matchmaker in module state, so one process runs one server at a time.
let running = false;

/**
 * Starts the whole server on one port: the built client (SPA), `/assets/*`, `/healthz`, and Colyseus
 * (matchmaking routes and WebSockets). Port 0 picks a free port; the returned url/port are real.
 * `close()` disposes every room and frees the port, after which another server may start.
 */
export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  if (running) throw new Error("a server is already running in this process (Colyseus' matchmaker is process-wide)");
  running = true;
  try {
    return await boot(opts);
  } catch (e) {
    running = false;
    throw e;
  }
}

async function boot(opts: StartServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  ensureWebSocketGlobal();
  const layout = await loadRoomLayout(opts.assetsDir);
  const httpServer = opts.https ? https.createServer(await selfSignedTls(opts.dataDir)) : http.createServer();
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: MAX_PAYLOAD_BYTES });

  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false, // main.ts owns the signals
    express: (app) => {
      mountStaticRoutes(app, { clientDir: opts.clientDir, assetsDir: opts.assetsDir });
      mountErrorHandler(app, log);
    },
  });
  const room = trainingRoomWith({
    layout,
    reconnectWindowS: opts.reconnectWindowS ?? RECONNECT_WINDOW_S,
    now: opts.now ?? Date.now,
    log,
  });
  server.define(TRAINING_ROOM, room).filterBy(["sessionId"]);

  try {
    await listen(server, httpServer, opts.port, opts.host ?? "0.0.0.0");
  } catch (e) {
    await server.gracefullyShutdown(false);
    matchMaker.removeRoomType(TRAINING_ROOM);
    throw e;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const scheme = opts.https ? "https" : "http";
  const url = `${scheme}://${displayHost(opts.host ?? "0.0.0.0")}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => {
        if (!httpServer.listening) resolve();
        else httpServer.once("close", () => resolve());
      });
      await server.gracefullyShutdown(false); // disposes rooms, closes the transport and the http server
      httpServer.closeAllConnections();
      await closed;
      matchMaker.removeRoomType(TRAINING_ROOM);
      running = false;
    })());

  return { url, port, close };
}

function listen(server: Server, httpServer: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err); // EADDRINUSE etc. (Colyseus' listen() would hang)
    httpServer.once("error", onError);
    server.listen(port, host).then(
      () => {
        httpServer.off("error", onError);
        resolve();
      },
      reject,
    );
  });
}

function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
