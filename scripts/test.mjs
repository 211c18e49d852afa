#!/usr/bin/env node
// `npm test`: everything CI runs. Installs what the tests need (Debian chromium, postgresql, janus, redis-server, coturn and poppler-utils when
// missing and apt-get is available), type-checks, builds the client, runs every vitest project, then the
// quick bench (so a benchmark that no longer runs fails here too; OTC_TEST_BENCH=0 leaves it out), prints
// the slowest test files and the times, and one closing line "tests: N passed, N failed, N skipped".
// Extra arguments go to vitest. Exits non-zero when vitest or the quick bench failed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureClientBuilt, ensureInstalled, log, pnpm, pnpmStatus, root } from "./lib.mjs";
import { canUseVoiceNamespace, runInVoiceNamespace } from "./netns.mjs";
import { FILE_TIMES } from "./file-times-reporter.mjs";
import { timingLines } from "./test-report.mjs";

const canApt = () => spawnSync("sh", ["-c", "command -v apt-get && [ \"$(id -u)\" = 0 ]"]).status === 0;
let aptUpdated = false;

/** apt-get installs a Debian package the tests need when `present()` says it is missing. */
function ensureDebianPackage(pkg, present, why) {
  if (present()) return;
  if (!canApt()) {
    log(`${pkg} is missing and apt-get is not usable here: ${why}. Install '${pkg}'.`);
    return;
  }
  log(`installing Debian ${pkg} (${why})…`);
  if (!aptUpdated) spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  aptUpdated = true;
  spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", pkg], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

const postgresInstalled = () => existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));

ensureInstalled();
ensureDebianPackage("chromium", () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"), "the browser tests drive it");
ensureDebianPackage("postgresql", postgresInstalled, "the storage suite also runs on a real PostgreSQL");
ensureDebianPackage("janus", () => spawnSync("sh", ["-c", "command -v janus"]).status === 0, "the SFU voice test runs through it");
ensureDebianPackage("redis-server", () => spawnSync("sh", ["-c", "command -v redis-server"]).status === 0, "the many-processes tests run two servers on a real Redis");
ensureDebianPackage("poppler-utils", () => spawnSync("sh", ["-c", "command -v pdftoppm"]).status === 0, "the certificate tests read and render the PDFs they make");
ensureDebianPackage("coturn", () => spawnSync("sh", ["-c", "command -v turnserver"]).status === 0, "peer-to-peer voice is tested through a real TURN relay");
log("type-checking…");
pnpm(["exec", "tsc", "-b"]);
ensureClientBuilt();
mkdirSync(path.join(root, "test-results"), { recursive: true });
const report = path.join(root, "test-results", "vitest.json");
log("running tests…");
rmSync(FILE_TIMES, { force: true }); // a stale one would report another run's files
const vitestArgs = ["run", "--reporter=default", "--reporter=json", `--reporter=${path.join(root, "scripts", "file-times-reporter.mjs")}`, `--outputFile.json=${report}`, ...process.argv.slice(2)];
const vitestStart = Date.now();
// Janus gathers no ICE candidates on loopback: the tests run in a private network namespace with a
// veth address it can use (scripts/netns.mjs). Without one, the SFU test reports itself skipped.
let status;
if (canUseVoiceNamespace()) {
  log("running the tests in a private network namespace (for Janus; see scripts/netns.mjs)…");
  status = runInVoiceNamespace(path.join(root, "node_modules", ".bin", "vitest"), vitestArgs, { cwd: root });
} else {
  log("no network namespace available (unshare -rn): the SFU voice test will be skipped");
  status = pnpmStatus(["exec", "vitest", ...vitestArgs]);
}
const vitestWallMs = Date.now() - vitestStart;

let benchLine = "bench (quick): skipped (OTC_TEST_BENCH=0)";
let benchStatus = 0;
if (process.env.OTC_TEST_BENCH !== "0") {
  log("running the quick bench (every section, small counts; see bench/README.md)…");
  const t0 = Date.now();
  benchStatus = pnpmStatus(["--filter", "@otc/bench", "exec", "tsx", "run.ts", "--quick"]);
  const took = `${Math.round((Date.now() - t0) / 1000)} s`;
  benchLine = benchStatus === 0 ? `bench (quick): ok in ${took}` : `bench (quick): FAILED (exit ${benchStatus}) in ${took}; its failing sections are printed above`;
}

for (const line of timingLines(root, report, vitestWallMs)) console.log(line);
console.log(benchLine);
let summary = "tests: could not read the vitest report";
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, "utf8"));
  summary = `tests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests + j.numTodoTests} skipped`;
}
console.log(summary);
process.exit(status !== 0 ? status : benchStatus);
