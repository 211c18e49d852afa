// `pnpm bench`: prints the figures this project tracks and writes them as JSON so runs can be
// compared over time (bench-results/latest.json; bench-results/baseline.json, when present, is
// the recorded baseline each figure is compared against).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@otc/tests/harness/paths.ts";
import { bundleSize } from "./bundle-size.ts";
import { presenceLoad, type PresenceLoadResult } from "./presence-load.ts";
import { renderCost } from "./render-cost.ts";

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

if (want("presence")) {
  const rows: PresenceLoadResult[] = [];
  for (const n of [10, 50, 100]) {
    const r = await presenceLoad(n);
    rows.push(r);
    console.log(
      `presence ${String(n).padStart(3)} clients: ${r.bytesPerSecondPerMovingAvatar} B/s per moving avatar ` +
        `(${r.bytesPerSecondPerViewer} B/s per viewer, ${r.updatesPerAvatarPerSecond} updates/s each); relay encode ${r.relayEncodeMs.mean}/${r.relayEncodeMs.p99} ms, ` +
        `broadcast ${r.relayBroadcastMs.mean}/${r.relayBroadcastMs.p99} ms, patch ${r.patchMs.mean}/${r.patchMs.p99} ms (mean/p99); RSS ${r.serverRssMiB} MiB`,
    );
  }
  results.presence = rows;
}
if (want("bundle")) {
  const b = bundleSize();
  console.log(`client first load: ${b.firstLoadGzipKiB} KiB gzip (${b.firstLoadRawKiB} KiB raw); all JS chunks ${b.allJsGzipKiB} KiB gzip`);
  results.bundle = b;
}
if (want("render")) {
  const rows = await renderCost([0, 10, 50]);
  for (const r of rows) console.log(`render ${String(r.remoteAvatars).padStart(2)} remote avatars: ${r.drawCalls} draw calls, ${r.triangles} triangles, ${r.fps} fps (SwiftShader)`);
  results.render = rows;
}

const dir = path.join(repoRoot, "bench-results");
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
const baselinePath = path.join(dir, "baseline.json");
if (existsSync(baselinePath)) {
  const base = JSON.parse(readFileSync(baselinePath, "utf8")) as Record<string, unknown>;
  console.log(`baseline from ${String(base.date)}:`);
  console.log(JSON.stringify({ presence: base.presence, bundle: base.bundle, render: base.render }));
}
console.log(`written: ${path.relative(repoRoot, path.join(dir, "latest.json"))}`);
process.exit(0);
