#!/usr/bin/env node
// `npm run test:repeat -- <file> <n> [--load]`: the flake budget. Runs one test file n times with
// vitest, in the same private network namespace `npm test` uses (scripts/netns.mjs, for Janus), and
// prints each run's passed tests and "k/n passed". With --load, one busy-loop process per CPU core
// runs beside the tests the whole time (the loaded CI box that turned timing-sensitive tests red).
// Exits non-zero if any run failed. A new or changed browser test should pass 5/5 with --load.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { ensureClientBuilt, ensureInstalled, log, pnpmStatus, root } from "./lib.mjs";
import { canUseVoiceNamespace, runInVoiceNamespace } from "./netns.mjs";

const args = process.argv.slice(2);
const load = args.includes("--load");
const [file, count] = args.filter((a) => a !== "--load");
const n = Number(count);
if (!file || !Number.isInteger(n) || n < 1) {
  console.error("usage: npm run test:repeat -- <test file> <runs> [--load]");
  process.exit(2);
}
if (!existsSync(path.resolve(root, file))) {
  console.error(`no such test file: ${file}`);
  process.exit(2);
}

ensureInstalled();
ensureClientBuilt();
const outDir = path.join(root, "test-results", "repeat");
mkdirSync(outDir, { recursive: true });

/** One busy loop per core, at normal priority: they compete with the browsers for every core. */
const burners = load ? Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" })) : [];
const stopLoad = () => {
  for (const b of burners) b.kill("SIGKILL");
};
process.on("exit", stopLoad);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));
if (load) log(`CPU load: ${burners.length} busy-loop processes beside the tests`);

const netns = canUseVoiceNamespace();
if (!netns) log("no network namespace available (unshare -rn): the SFU voice test will be skipped");
const vitest = path.join(root, "node_modules", ".bin", "vitest");

const results = [];
for (let i = 1; i <= n; i++) {
  const report = path.join(outDir, `run-${i}.json`);
  rmSync(report, { force: true });
  const vitestArgs = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, file];
  log(`run ${i}/${n}: ${file}${load ? " (under CPU load)" : ""}`);
  const started = Date.now();
  const status = netns ? runInVoiceNamespace(vitest, vitestArgs, { cwd: root }) : pnpmStatus(["exec", "vitest", ...vitestArgs]);
  const seconds = Math.round((Date.now() - started) / 1000);
  let tests = "no report";
  if (existsSync(report)) {
    const j = JSON.parse(readFileSync(report, "utf8"));
    tests = `${j.numPassedTests}/${j.numTotalTests} tests passed${j.numPendingTests ? `, ${j.numPendingTests} skipped` : ""}`;
  }
  results.push({ ok: status === 0, line: `run ${i}: ${status === 0 ? "passed" : `FAILED (exit ${status})`}, ${tests}, ${seconds} s` });
  log(results.at(-1).line);
}
stopLoad();

console.log(`\n${file}${load ? " under CPU load" : ""}:`);
for (const r of results) console.log(`  ${r.line}`);
const passed = results.filter((r) => r.ok).length;
console.log(`${passed}/${n} passed`);
process.exit(passed === n ? 0 : 1);
