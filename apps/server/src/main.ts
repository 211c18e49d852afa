import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./app.js";
import { lanIPv4Addresses } from "./http/lan.js";

/**
 * `pnpm start` ends here: PORT (2567), HOST (0.0.0.0), DATA_DIR (<repo>/.data), and `--https` or
 * HTTPS=1 for a self-signed https/wss server that a headset on the LAN can open.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const useHttps = process.argv.includes("--https") || process.env.HTTPS === "1";
const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST ?? "0.0.0.0";

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

const server = await startServer({
  port,
  host,
  https: useHttps,
  clientDir: path.join(repo, "apps/client/dist"),
  assetsDir: path.join(repo, "assets"),
  dataDir: process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(repo, ".data"),
});

const scheme = useHttps ? "https" : "http";
const lines = [`Open Training Centre is running.`, `  On this computer:   ${scheme}://localhost:${server.port}/s/demo`];
if (host === "0.0.0.0") {
  for (const ip of lanIPv4Addresses()) lines.push(`  On the same LAN:    ${scheme}://${ip}:${server.port}/s/demo`);
  if (!useHttps) lines.push(`  (A headset needs https off localhost for WebXR: restart with --https and accept the certificate once.)`);
}
console.log(lines.join("\n"));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing sessions and stopping…`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
