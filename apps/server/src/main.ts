import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./app.js";
import { lanIPv4Addresses } from "./http/lan.js";
import { installProcessGuards } from "./process-guards.js";
import { DEFAULT_ROOM_LAYOUT } from "./rooms/room-layout.js";
import { SQLITE_FILE } from "./storage/open-storage.js";

/**
 * `pnpm start` ends here: PORT (2567), HOST (0.0.0.0), DATA_DIR (<repo>/.data, holds otc.sqlite),
 * DATABASE_URL (PostgreSQL instead of SQLite), ADMIN_SECRET, LINK_SECRET, and `--https` or HTTPS=1
 * for a self-signed https/wss server that a headset on the LAN can open. Voice: JANUS_URL
 * (+ JANUS_API_SECRET, JANUS_ADMIN_KEY) uses that Janus; otherwise a `janus` binary on PATH (or
 * JANUS_BIN) is run as a managed child; JANUS=off keeps peer-to-peer voice. JANUS_ICE_ENFORCE_LIST
 * and JANUS_RTP_PORTS tune the managed Janus. TURN_URLS (comma-separated turn:/turns: URLs) with
 * TURN_SECRET (coturn's static-auth-secret) give browsers relay credentials valid TURN_TTL_S (86400)
 * seconds; TURN_RELAY_ONLY=1 sends all media through the relay. Many processes: REDIS_URL (shared by all of them) and
 * PUBLIC_ADDRESS (host:port at which clients reach this one; see docs/DEPLOY.md).
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const useHttps = process.argv.includes("--https") || process.env.HTTPS === "1";
const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST ?? "0.0.0.0";

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

// Installed first, so a failure during start-up is reported the same way; `stopAfterCrash` is the
// graceful stop once the server runs (before that there is nothing to close).
let stopAfterCrash = (): void => process.exit(1);
installProcessGuards(process, { log: (line) => console.error(line), shutDown: () => stopAfterCrash() });

const dataDir = process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(repo, ".data");
const server = await startServer({
  port,
  host,
  https: useHttps,
  clientDir: path.join(repo, "apps/client/dist"),
  assetsDir: path.join(repo, "assets"),
  dataDir,
  databaseUrl: process.env.DATABASE_URL || undefined,
  adminSecret: process.env.ADMIN_SECRET || undefined,
  linkSecret: process.env.LINK_SECRET || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  publicAddress: process.env.PUBLIC_ADDRESS || undefined,
  xapi: process.env.XAPI_ENDPOINT ? { endpoint: process.env.XAPI_ENDPOINT, key: process.env.XAPI_KEY ?? "", secret: process.env.XAPI_SECRET ?? "", ...(process.env.PUBLIC_URL ? { homePage: process.env.PUBLIC_URL } : {}) } : undefined,
  ...(Number(process.env.RECORD_RETENTION_DAYS) > 0 ? { recordRetentionDays: Number(process.env.RECORD_RETENTION_DAYS) } : {}),
  ...(Number(process.env.AVATAR_MODELS_MAX_MB) > 0 ? { avatarQuota: { totalBytes: Number(process.env.AVATAR_MODELS_MAX_MB) * 1024 * 1024 } } : {}),
  voice: {
    ...(process.env.JANUS_URL ? { janusUrl: process.env.JANUS_URL } : {}),
    ...(process.env.JANUS_API_SECRET ? { janusApiSecret: process.env.JANUS_API_SECRET } : {}),
    ...(process.env.JANUS_ADMIN_KEY ? { janusAdminKey: process.env.JANUS_ADMIN_KEY } : {}),
    managed: process.env.JANUS === "off" ? false : (process.env.JANUS_BIN ?? true),
    ...(process.env.JANUS_ICE_ENFORCE_LIST ? { iceEnforceList: process.env.JANUS_ICE_ENFORCE_LIST } : {}),
    ...(process.env.JANUS_RTP_PORTS ? { rtpPortRange: process.env.JANUS_RTP_PORTS } : {}),
    ...(process.env.TURN_URLS && process.env.TURN_SECRET
      ? {
          turn: {
            urls: process.env.TURN_URLS.split(",").map((u) => u.trim()).filter(Boolean),
            secret: process.env.TURN_SECRET,
            ttlS: Number(process.env.TURN_TTL_S) > 60 ? Number(process.env.TURN_TTL_S) : 86_400,
            relayOnly: process.env.TURN_RELAY_ONLY === "1",
          },
        }
      : {}),
  },
});

// A ready-made session, so the first start has something to open.
const demo = await server.sessions.ensure("demo", "Demo session", DEFAULT_ROOM_LAYOUT);
const scheme = useHttps ? "https" : "http";
const base = `${scheme}://localhost:${server.port}`;
const signIn = process.env.ADMIN_SECRET ? "sign in with ADMIN_SECRET" : `${base}${await server.issueSignInPath()}  (one-time sign-in link)`;
const lines = [
  `Open Training Centre is running (${server.storage.dialect === "postgres" ? "PostgreSQL from DATABASE_URL" : `SQLite in ${path.join(dataDir, SQLITE_FILE)}`}).`,
  `  Facilitator console:  ${base}/console — ${signIn}`,
  `  Demo session, facilitator link:  ${base}${server.sessions.link(demo, "facilitator")}`,
  `  Demo session, participant link:  ${base}${server.sessions.link(demo, "participant")}`,
];
if (process.env.REDIS_URL) lines.push(`  Cluster:              Redis at ${process.env.REDIS_URL}; clients reach this process at ${process.env.PUBLIC_ADDRESS ?? "(PUBLIC_ADDRESS unset: the address they used)"}`);
lines.push(`  Voice:                ${server.voice === "mesh" ? "peer-to-peer (small sessions, up to 8 people; install janus or set JANUS_URL for larger)" : server.voice}`);
if (host === "0.0.0.0") {
  for (const ip of lanIPv4Addresses()) lines.push(`  Participant link on the same LAN: ${scheme}://${ip}:${server.port}${server.sessions.link(demo, "participant")}`);
  if (!useHttps) lines.push(`  (A headset needs https off localhost for WebXR: restart with --https and accept the certificate once.)`);
}
console.log(lines.join("\n"));

let stopping = false;
const stop = (signal: string, exitCode = 0) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing sessions and stopping…`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close().then(
    () => process.exit(exitCode),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
stopAfterCrash = () => stop("uncaught exception", 1);
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
