import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { LocalPresence, Server, matchMaker, type Presence } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { RECONNECT_WINDOW_S, TRAINING_ROOM, type RoomLayout } from "@otc/contract";
import { AdminAuth } from "./features/console/admin-auth.js";
import { consoleApi } from "./features/console/console-api.js";
import { LiveSessions } from "./features/sessions/live-sessions.js";
import { ModerationRooms } from "./features/moderation/moderation-console.js";
import { loadServerSecret } from "./features/sessions/server-secret.js";
import { SessionService } from "./features/sessions/session-service.js";
import { PracticeBots } from "./features/onboarding/practice-bots.js";
import { mountPracticeRoutes } from "./features/onboarding/practice-routes.js";

import { BrandLogos } from "./features/room-import/brand-logos.js";
import { BreakoutService } from "./features/breakouts/breakout-service.js";
import { PortalService } from "./features/portals/portal-service.js";
import { ModelStore } from "./features/room-import/model-store.js";
import { mountRoomImportRoutes } from "./features/room-import/room-import-routes.js";
import { ImportedRooms, ROOM_IMPORTED_CHANNEL } from "./features/room-import/room-store.js";
import { mountAvatarRoutes } from "./features/avatars/model-routes.js";
import { DeckStore } from "./features/slides/deck-store.js";
import { libreOfficeConverter } from "./features/slides/office-convert.js";
import { mountSlideRoutes } from "./features/slides/slide-routes.js";
import { mountPollRoutes } from "./features/polls/poll-routes.js";
import { mountPlanRoutes } from "./features/breakouts/plan-routes.js";
import { mountAgendaRoutes } from "./features/timer/agenda-routes.js";
import { mountRecordRoutes } from "./features/record/record-routes.js";
import { mountCertificateRoutes } from "./features/record/certificate-routes.js";
import { mountSurveyRoutes } from "./features/survey/survey-routes.js";
import { startXapi, type XapiOptions } from "./features/record/xapi/xapi-service.js";
import { startRetention } from "./features/record/retention.js";
import { AvatarModelStore, DEFAULT_AVATAR_QUOTA, type AvatarQuota } from "./features/avatars/model-store.js";
import { mountErrorHandler, mountStaticRoutes } from "./http/static-routes.js";
import { mountProbeRoute } from "./features/bandwidth/probe-route.js";
import { securityHeaders } from "./http/security-headers.js";
import { selfSignedTls } from "./http/tls.js";
import { ensureWebSocketGlobal } from "./node20-websocket.js";
import { ParsePool } from "./workers/parse-pool.js";
import { DEFAULT_ROOM_LAYOUT, loadRoomLayouts } from "./rooms/room-layout.js";
import { startSfu, type VoiceServerOptions } from "./features/voice/sfu/sfu-setup.js";
import { trainingRoomWith } from "./rooms/training-room.js";
import { openStorage } from "./storage/open-storage.js";
import type { Storage } from "./storage/storage.js";

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
  /** postgres://… to use PostgreSQL; default: SQLite in dataDir (otc.sqlite). */
  databaseUrl?: string | undefined;
  /** Lets the console sign in with this secret (and scripts with `Authorization: Bearer`). */
  adminSecret?: string | undefined;
  /** Signs invitation links; default: a random secret kept in the database. */
  linkSecret?: string | undefined;
  /** Randomness for session ids; default Math.random. */
  random?: () => number;
  /** Voice transport: a Janus URL, or a managed Janus child; absent → peer-to-peer mesh. */
  voice?: VoiceServerOptions;
  /**
   * redis://… shared by every server process: Colyseus' Redis presence and driver, so a session's
   * room is found (and held once) whichever process a person reaches. Absent: one process, in memory.
   */
  redisUrl?: string | undefined;
  /**
   * host[:port][/path] at which clients reach THIS process directly (seat reservations carry it, so a
   * person whose room lives here connects here). Needed with several processes behind one proxy.
   */
  publicAddress?: string | undefined;
  /** Avatar model storage limits; default DEFAULT_AVATAR_QUOTA (3 per person, 2 GiB in all). */
  avatarQuota?: Partial<AvatarQuota>;
  /** A Learning Record Store for xAPI statements (XAPI_ENDPOINT/KEY/SECRET); absent: none are queued or sent. */
  xapi?: XapiOptions | undefined;
  /** RECORD_RETENTION_DAYS: personal data of the training record older than this is deleted unless its session sets its own (absent: kept). */
  recordRetentionDays?: number | undefined;
}

export interface RunningServer {
  /** Base URL with the real port, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Sessions and their links (the console's rules), for the start script and tests. */
  sessions: SessionService;
  storage: Storage;
  /** A fresh one-time console sign-in path (`/console?signin=…`); replaces any unused one. */
  issueSignInPath(): Promise<string>;
  /** "mesh", or "sfu (managed Janus)" / "sfu (Janus at …)". */
  voice: string;
  /** Whether a room runs the session now (any process); the retention sweep leaves such sessions' people alone. */
  running(sessionId: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Largest WebSocket message a client may send, bytes; bigger frames close the socket. A pose is
 * ~200 B, but a WebRTC offer/answer for voice is 2–5 kB (Chromium, audio only, more with several
 * m-lines), capped at SDP_MAX_CHARS by the voice schema. 16 KiB holds the largest allowed SDP with
 * msgpack framing and still bounds what one message can make the server buffer; sustained volume is
 * bounded by the per-client message rate and the signalling rate limiter, not by this cap.
 */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

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
  const layouts = await loadRoomLayouts(opts.assetsDir);
  const now = opts.now ?? Date.now;
  const storage = await openStorage({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, log });
  try {
    return await bootWith(opts, log, layouts, now, storage);
  } catch (e) {
    await storage.close();
    throw e;
  }
}

async function bootWith(
  opts: StartServerOptions,
  log: (line: string) => void,
  layouts: Map<string, RoomLayout>,
  now: () => number,
  storage: Storage,
): Promise<RunningServer> {
  const secret = await loadServerSecret(storage, opts.linkSecret);
  const presence: Presence = opts.redisUrl ? new RedisPresence(opts.redisUrl) : new LocalPresence();
  const driver = opts.redisUrl ? new RedisDriver(opts.redisUrl) : undefined;
  const live = new LiveSessions(presence, log);
  const moderation = new ModerationRooms();
  const sessions = new SessionService({ storage, secret, now, random: opts.random ?? Math.random, roomIds: () => [...layouts.keys()] });
  const auth = new AdminAuth({ storage, secret, now, adminSecret: opts.adminSecret });
  await auth.load();
  const pool = new ParsePool(); // heavy checks of uploads, off the event loop
  const models = new ModelStore(opts.dataDir, pool);
  const logos = new BrandLogos(opts.dataDir);
  const imported = new ImportedRooms(opts.dataDir, layouts, models, logos, (id) => void Promise.resolve(presence.publish(ROOM_IMPORTED_CHANNEL, id)).catch(() => undefined));
  await imported.load(log);
  // A room imported through one process is read by the others from the shared DATA_DIR.
  await presence.subscribe(ROOM_IMPORTED_CHANNEL, (id: unknown) => void (typeof id === "string" && imported.reload(id)));
  const rooms = () => imported.summaries();
  const sfu = await startSfu(opts.voice, log);
  const httpServer = opts.https ? https.createServer(await selfSignedTls(opts.dataDir)) : http.createServer();
  const avatarModels = new AvatarModelStore(opts.dataDir, { ...DEFAULT_AVATAR_QUOTA, ...opts.avatarQuota });
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: MAX_PAYLOAD_BYTES });

  let boundPort = 0;
  const practiceBots = new PracticeBots({
    endpoint: () => `${opts.https ? "wss" : "ws"}://127.0.0.1:${boundPort}`,
    participantLink: async (id) => new URL(sessions.link((await storage.getSession(id))!, "participant"), "http://x").searchParams.get("k") ?? "",
    every: (ms, tick) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    log,
  });
  const server = new Server({
    transport,
    presence,
    ...(driver ? { driver } : {}),
    ...(opts.publicAddress ? { publicAddress: opts.publicAddress } : {}),
    greet: false,
    gracefullyShutdown: false, // main.ts owns the signals
    express: (app) => {
      app.use(securityHeaders({ https: opts.https ?? false }));
      mountRoomImportRoutes(app, { auth, models, logos, rooms: imported, layouts, pool, log });
      mountSlideRoutes(app, { decks: new DeckStore(opts.dataDir, storage), storage, secret, auth, convert: libreOfficeConverter(), pool, now, log });
      const assetExists = async (p: string) => (p.startsWith("uploads/brand/") ? (await logos.read(p)) !== null : existsSync(path.join(opts.assetsDir, p)));
      mountProbeRoute(app);
      mountPollRoutes(app, { auth, storage, now, log }); // before the console API, whose last route answers 404
      mountPlanRoutes(app, { auth, storage, layouts, now, log });
      mountAgendaRoutes(app, { auth, storage, now, live });
      mountPracticeRoutes(app, { auth, storage, bots: practiceBots, log });
      mountRecordRoutes(app, { auth, storage, secret, now, reconnectWindowS: opts.reconnectWindowS ?? RECONNECT_WINDOW_S, serverRetentionDays: opts.recordRetentionDays ?? null });
      mountCertificateRoutes(app, { auth, storage, secret, now, reconnectWindowS: opts.reconnectWindowS ?? RECONNECT_WINDOW_S, layouts, logos, assetsDir: opts.assetsDir });
      mountSurveyRoutes(app, { auth, storage, secret, now });
      app.use("/api", consoleApi({ auth, sessions, live, rooms, storage, assetExists, now, secureCookie: opts.https ?? false, log, moderation: { rooms: moderation, layoutOf: (id) => layouts.get(id) } }));
      mountAvatarRoutes(app, avatarModels, { storage, secret, now }, pool, log);
      mountStaticRoutes(app, { clientDir: opts.clientDir, assetsDir: opts.assetsDir });
      mountErrorHandler(app, log);
    },
  });
  const room = trainingRoomWith({
    layouts,
    defaultLayout: layouts.get(DEFAULT_ROOM_LAYOUT)!,
    storage,
    secret,
    live,
    reconnectWindowS: opts.reconnectWindowS ?? RECONNECT_WINDOW_S,
    now,
    log,
    avatarModels,
    janus: sfu?.gateway ?? null,
    ...(opts.voice?.turn ? { turn: opts.voice.turn } : {}),
    portals: new PortalService({ sessions, storage, layouts, now }),
    breakouts: new BreakoutService({ sessions, storage, layouts, now, bus: presence }),
    moderation,
  });
  server.define(TRAINING_ROOM, room).filterBy(["sessionId"]);

  try {
    await listen(server, httpServer, opts.port, opts.host ?? "0.0.0.0");
  } catch (e) {
    live.close();
    await server.gracefullyShutdown(false);
    matchMaker.removeRoomType(TRAINING_ROOM);
    await sfu?.close();
    throw e;
  }
  const port = (httpServer.address() as AddressInfo).port;
  boundPort = port;
  const scheme = opts.https ? "https" : "http";
  const url = `${scheme}://${displayHost(opts.host ?? "0.0.0.0")}:${port}`;
  const xapi = opts.xapi ? startXapi(opts.xapi, { storage, now, mergeGapMs: (opts.reconnectWindowS ?? RECONNECT_WINDOW_S) * 1000, homePage: () => url, log }) : undefined;

  const retention = startRetention({ storage, now, days: opts.recordRetentionDays ?? null, running: (id) => live.running(id), log });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => {
        if (!httpServer.listening) resolve();
        else httpServer.once("close", () => resolve());
      });
      live.close();
      await practiceBots.stopAll();
      await xapi?.stop();
      await retention.stop();
      await server.gracefullyShutdown(false); // disposes rooms, closes the transport, the http server, presence and driver
      httpServer.closeAllConnections();
      await closed;
      matchMaker.removeRoomType(TRAINING_ROOM);
      await sfu?.close();
      await pool.close();
      await storage.close();
      running = false;
    })());

  const issueSignInPath = async () => `/console?signin=${await auth.issueSignInToken()}`;
  const voice = sfu ? (sfu.kind === "managed" ? "sfu (managed Janus)" : `sfu (Janus at ${opts.voice?.janusUrl ?? "?"})`) : "mesh";
  return { url, port, sessions, storage, issueSignInPath, voice, running: (id) => live.running(id), close };
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
