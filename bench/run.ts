// `pnpm bench`: prints the figures this project tracks and writes them as JSON so runs can be
// compared over time (bench-results/latest.json; bench-results/baseline.json, when present, is
// the recorded baseline each figure is compared against).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@otc/tests/harness/paths.ts";
import { bundleSize } from "./bundle-size.ts";
import { presenceLoad, type PresenceLoadResult } from "./presence-load.ts";
import { renderCost } from "./render-cost.ts";
import { slidesPaging } from "./slides-paging.ts";
import { IMPORTED_OFFICE, TEMPLATE_BUDGET, roomTemplates } from "./room-templates.ts";
import { storageWrites } from "./storage-writes.ts";
import { voiceLoad } from "./voice-load.ts";
import { whiteboardLateJoin } from "./whiteboard-late-join.ts";
import { whiteboardReplay } from "./whiteboard-replay.ts";

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
  const { rows, model } = await renderCost([0, 50, 150]);
  for (const r of rows) {
    console.log(
      `render ${String(r.remoteAvatars).padStart(3)} remote avatars: ${r.drawCalls} draw calls, ${r.triangles} triangles, ${r.fps} fps (SwiftShader); ` +
        `avatar JS ${r.avatarJsMs.median}/${r.avatarJsMs.p90} ms per frame (median/p90), ${r.animatedPerFrame} animated per frame (${r.nearAvatars} near, ${r.farAvatars} far)`,
    );
  }
  console.log(`avatar model: a ${(model.bytes / 1024).toFixed(1)} KiB VRM loads in ${model.loadMs} ms (fetch + parse) and adds ${model.extraDrawCalls} draw calls`);
  results.render = rows;
  results.avatarModel = model;
}
if (want("rooms")) {
  const rows = await roomTemplates(["training-room", "lobby", "classroom", "auditorium", "meeting-room", "breakout-pods", IMPORTED_OFFICE]);
  for (const r of rows) {
    const over =
      r.drawCalls > TEMPLATE_BUDGET.drawCalls || r.triangles > TEMPLATE_BUDGET.triangles || r.textureBytes > TEMPLATE_BUDGET.textureMemoryBytes ? "  OVER BUDGET" : "";
    const mib = (r.textureBytes / 1024 / 1024).toFixed(1);
    console.log(`room ${r.template.padEnd(15)} ${r.drawCalls} draw calls, ${r.triangles} triangles, ${r.textures} textures (${mib} MiB), ${r.geometries} geometries, loaded in ${r.loadMs} ms${over}`);
  }
  results.rooms = rows;
}
if (want("storage")) {
  const rows = await storageWrites();
  for (const r of rows)
    console.log(`storage ${r.dialect}: durable document write p50/p99 ${r.putDocumentMs.p50}/${r.putDocumentMs.p99} ms, event append ${r.appendEventMs.p50}/${r.appendEventMs.p99} ms (${r.writes} each)`);
  results.storage = rows;
}
if (want("voice")) {
  // The mesh stops at 5 speakers: 8+ meshed pages saturate a 2-core machine (VOICE.md), and the
  // product warns above 8 people anyway. The SFU rows need `node scripts/netns.mjs` (see voice-load.ts).
  const counts = (process.env.OTC_VOICE_BENCH_SPEAKERS ?? "2,5,10").split(",").map(Number);
  const rows = [...(await voiceLoad("mesh", counts.filter((k) => k <= 5))), ...(await voiceLoad("sfu", counts))];
  for (const r of rows)
    console.log(
      `voice ${r.transport} ${String(r.speakers).padStart(2)} speakers: listener receives ${r.streamsReceived} streams, ${r.listenerKbitPerS} kbit/s; ` +
        `Chromium ${r.chromiumCpuPerPagePct}% of a core per page (rendering included)${r.janusCpuPct === null ? "" : `; Janus ${r.janusCpuPct}%`}`,
    );
  if (!process.env.OTC_JANUS_ICE) console.log("voice sfu: skipped (run `node scripts/netns.mjs npm run bench -- voice` for the SFU rows)");
  results.voice = rows;
}
if (want("whiteboard")) {
  const rows = [];
  for (const n of [200, 2000]) {
    const r = await whiteboardLateJoin(n);
    rows.push(r);
    console.log(
      `whiteboard late join, ${String(n).padStart(4)} strokes (${r.pointsPerStroke} points each): ${(r.snapshotBytes / 1024).toFixed(1)} KiB on the wire, ` +
        `sync ${r.syncMs} ms; room open + join (log replay) ${r.replayMs} ms`,
    );
  }
  results.whiteboard = rows;
  const replay = whiteboardReplay(100_000);
  console.log(
    `whiteboard replay, ${replay.ops} ops (${replay.logMiB} MiB log): whole log ${replay.fullReplayMs} ms; ` +
      `compacted (${replay.snapshotKiB} KiB snapshot + ${replay.tailOps} ops) ${replay.compactedReplayMs} ms`,
  );
  results.whiteboardReplay = replay;
}
if (want("slides")) {
  const r = await slidesPaging(Number(process.env.OTC_SLIDES_BENCH_PAGES ?? 200));
  console.log(
    `slides: page turn → drawn on a second page p50/p90/max ${r.latencyMs.p50}/${r.latencyMs.p90}/${r.latencyMs.max} ms (loopback, SwiftShader); ` +
      `after ${r.pages} pages ${r.liveTextures} page textures (${r.textureMiB} MiB; at most ${r.maxLiveTextures}, ${r.maxTextureMiB} MiB), ` +
      `renderer textures ${r.rendererTextures.start} → ${r.rendererTextures.end}, JS heap ${r.heapMiB.start} → ${r.heapMiB.end} MiB`,
  );
  results.slides = r;
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
