#!/usr/bin/env node
// `npm test`: everything CI runs. Installs what the tests need (Debian chromium when missing and
// apt-get is available), type-checks, builds the client, then runs every vitest project and
// prints one closing line "tests: N passed, N failed, N skipped".
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureClientBuilt, ensureInstalled, log, pnpm, pnpmStatus, root } from "./lib.mjs";

function ensureChromium() {
  if (existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) return;
  const canApt = spawnSync("sh", ["-c", "command -v apt-get && [ \"$(id -u)\" = 0 ]"]).status === 0;
  if (!canApt) {
    log("Debian chromium is missing and apt-get is not usable here: the browser tests will fail. Install 'chromium'.");
    return;
  }
  log("installing Debian chromium for the browser tests…");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

ensureInstalled();
ensureChromium();
log("type-checking…");
pnpm(["exec", "tsc", "-b"]);
ensureClientBuilt();
mkdirSync(path.join(root, "test-results"), { recursive: true });
const report = path.join(root, "test-results", "vitest.json");
log("running tests…");
const status = pnpmStatus(["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)]);
let summary = "tests: could not read the vitest report";
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, "utf8"));
  summary = `tests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests + j.numTodoTests} skipped`;
}
console.log(summary);
process.exit(status);
