// Shared helpers for the start/test/bench entry points. Plain Node (no dependencies), because these
// run on a fresh machine before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The pinned pnpm. Not in package.json's "packageManager": with that field, pnpm 12 refuses
// `install --frozen-lockfile` in a fresh clone (it wants to record itself in the lockfile).
const PNPM = "pnpm@12.21.0";

export function log(line) {
  process.stdout.write(`\x1b[36m[otc]\x1b[0m ${line}\n`);
}

/** Runs a command to completion with inherited output; exits the process on failure. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  if (r.status !== 0) {
    log(`failed: ${cmd} ${args.join(" ")} (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** pnpm without a global install: npx fetches the pinned version from the npm registry once. */
export function pnpm(args, opts) {
  run("npx", ["-y", PNPM, ...args], opts);
}

/** Like pnpm() but returns the exit status instead of exiting. */
export function pnpmStatus(args, opts = {}) {
  return spawnSync("npx", ["-y", PNPM, ...args], { cwd: root, stdio: "inherit", ...opts }).status ?? 1;
}

export function spawnPnpm(args, opts = {}) {
  return spawn("npx", ["-y", PNPM, ...args], { cwd: root, stdio: "inherit", ...opts });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureInstalled() {
  const marker = path.join(root, "node_modules", ".modules.yaml");
  const lock = path.join(root, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("installing dependencies (pnpm, from the npm registry)…");
  pnpm(["install", "--frozen-lockfile"]);
}

/** Builds the client unless dist/ is newer than every source it depends on. */
export function ensureClientBuilt({ force = false } = {}) {
  const index = path.join(root, "apps/client/dist/index.html");
  const sources = Math.max(
    newestMtime(path.join(root, "apps/client")),
    newestMtime(path.join(root, "packages")),
  );
  if (!force && existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log("building the client…");
  pnpm(["--filter", "@otc/client", "run", "build"]);
}
