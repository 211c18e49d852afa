// `pnpm bench`: prints the figures this project tracks and writes them as JSON so runs can be
// compared over time (bench-results/latest.json; bench-results/baseline.json, when present, is
// the recorded baseline each figure is compared against). `--quick` runs every section with small
// counts and short windows (bench/profile.ts) and writes bench-results/quick.json instead, never
// compared with the baseline: it is there so a section that no longer runs fails `npm test`.
// Exits 1 when any section throws (after running the others), 2 on an unknown section name.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "@otc/tests/harness/paths.ts";
import { bundleSize } from "./bundle-size.ts";
import { doorSwitch } from "./door-switch.ts";
import { pollsLoad } from "./polls-load.ts";
import { breakoutsLoad } from "./breakouts-load.ts";
import { onboardingBench } from "./onboarding-run.ts";
import { recordBench } from "./record-report.ts";
import { recordRenderBench } from "./record-render.ts";
import { presenceLoad } from "./presence-load.ts";
import { tickCost } from "./tick-cost.ts";
import { lowBandwidthBench } from "./lowbw.ts";
import { traceCost } from "./trace-cost.ts";
import { QUICK_PROFILE, fullProfile } from "./profile.ts";
import { renderCost } from "./render-cost.ts";
import { vrMenuFrames, xrUiChunk } from "./vr-menu-cost.ts";
import { slidesPaging } from "./slides-paging.ts";
import { soak } from "./soak.ts";
import { TEMPLATE_BUDGET, roomTemplates } from "./room-templates.ts";
import { storageWrites } from "./storage-writes.ts";
import { voiceLoad } from "./voice-load.ts";
import { voiceScale } from "./voice-scale.ts";
import { whiteboardLateJoin } from "./whiteboard-late-join.ts";
import { whiteboardReplay } from "./whiteboard-replay.ts";

const SECTIONS = ["presence", "bundle", "render", "rooms", "storage", "voice", "voicescale", "whiteboard", "slides", "soak", "doors", "vrmenu", "polls", "breakouts", "onboarding", "record", "lowbw"] as const;
const args = process.argv.slice(2);
const profile = args.includes("--quick") ? QUICK_PROFILE : fullProfile(process.env);
const only = args.filter((a) => a !== "--quick");
const unknown = only.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(", ")} (sections: ${SECTIONS.join(", ")}; flag: --quick)`);
  process.exit(2);
}
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cores: os.cpus().length, profile: profile.name };
const failed: string[] = [];

/** Runs one section unless the command line names others; a section that throws is reported and the rest still run. */
async function section(name: (typeof SECTIONS)[number], body: () => Promise<void> | void): Promise<void> {
  if (only.length > 0 && !only.includes(name)) return;
  const t0 = performance.now();
  try {
    await body();
    console.log(`  (${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed.push(name);
    console.log(`bench ${name}: FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

await section("presence", async () => {
  const rows = [];
  for (const { label, ...options } of profile.presence) {
    const r = await presenceLoad(label, options);
    rows.push(r);
    console.log(
      `presence ${label.padEnd(24)} ${r.bytesPerSecondPerViewer} B/s per viewer (max ${r.maxBytesPerSecondPerViewer}; ${r.bytesPerSecondPerMovingAvatar} per avatar, ${r.updatesPerAvatarPerSecond} updates/s each); ` +
        `presence tick ${r.presenceTickMs.mean}/${r.presenceTickMs.p99} ms (mean/p99, all parts; CPU ${r.presenceTickCpuMs.user} user + ${r.presenceTickCpuMs.system} kernel ms mean, ${r.presenceTickCpuMs.p99} p99); ` +
        `room tick ${r.roomTickMs.mean}/${r.roomTickMs.p99} ms, later parts ${r.presencePartMs.mean}/${r.presencePartMs.p99} ms: longest block p99 ${r.longestBlockP99Ms} ms; server CPU ${r.serverCpuPct}% of a core, RSS ${r.serverRssMiB} MiB; ` +
        `join: reservation ${r.reserveMs.p50}/${r.reserveMs.p99} ms, reservation → first state ${r.firstStateMs.p50}/${r.firstStateMs.p99} ms (p50/p99)${r.joinRetries ? `, ${r.joinRetries} joins retried after an expired reservation` : ""}; ${r.placement}`,
    );
    const slowTicks = r.slowPresenceTicks;
    console.log(
      `  slowest 1 % of its presence ticks, all parts (${slowTicks.count}): ${slowTicks.wallMs} ms mean, of which collector pauses ${slowTicks.gcMs} ms (${slowTicks.gcMsPerTick} in the mean tick); CPU ${slowTicks.userMs} user + ${slowTicks.systemMs} kernel ms`,
    );
    const slow = r.slowRoomTicks;
    console.log(
      `  slowest 1 % of its room ticks (${slow.count}): ${slow.wallMs} ms mean, of which collector pauses ${slow.gcMs} ms (${slow.gcMsPerTick} in the mean tick); CPU ${slow.userMs} user + ${slow.systemMs} kernel ms`,
    );
  }
  results.presence = rows;
  const t = traceCost(profile.traceSeconds);
  console.log(
    `presence per avatar (shared stream, encoder only): walking ${t.walkingBytesPerSecond} B/s, seated listener ${t.seatedBytesPerSecond} B/s ` +
      `(${Math.round(t.seatedRatio * 100)} % of walking; ${t.seatedUnfilteredBytesPerSecond} B/s without the jitter filter)`,
  );
  results.presenceTraces = t;
  const ticks = (["audience", "walking"] as const).map((trace) => tickCost(profile.tickCostPeople, trace));
  for (const c of ticks) {
    console.log(`presence tick alone, ${c.people} ${c.trace} (one in ten on low bandwidth; CPU, no sockets): ${c.tickMs.mean} ms mean, p90 ${c.tickMs.p90}, p99 ${c.tickMs.p99}, max ${c.tickMs.max}`);
  }
  results.presenceTickCost = ticks;
});
await section("bundle", () => {
  const b = bundleSize();
  console.log(`client first load: ${b.firstLoadGzipKiB} KiB gzip (${b.firstLoadRawKiB} KiB raw); all JS chunks ${b.allJsGzipKiB} KiB gzip`);
  results.bundle = b;
});
/** The client's avatar update timed in Node: a client source file, loaded by path so this project's type check does not take in the client's. */
type AvatarFrameCost = (avatars: number, frames: number) => { avatars: number; frames: number; cpuMs: { median: number; p90: number; mean: number }; animatedPerFrame: number };
const AVATAR_FRAME_COST = "../apps/client/src/features/avatars/avatar-frame-cost.ts";

await section("render", async () => {
  const { avatarFrameCost } = (await import(AVATAR_FRAME_COST)) as { avatarFrameCost: AvatarFrameCost };
  const cpu = profile.render.avatars.map((n) => avatarFrameCost(n, profile.name === "quick" ? 120 : 600));
  for (const c of cpu) {
    console.log(`avatar update in Node ${String(c.avatars).padStart(3)} remote avatars: ${c.cpuMs.median}/${c.cpuMs.p90} ms CPU per frame (median/p90), ${c.animatedPerFrame} animated per frame (${c.frames} frames)`);
  }
  results.avatarCpu = cpu;
  const { rows, model } = await renderCost(profile.render.avatars, profile.render);
  for (const r of rows) {
    console.log(
      `render ${String(r.remoteAvatars).padStart(3)} remote avatars: ${r.drawCalls} draw calls, ${r.triangles} triangles, ${r.fps} fps (SwiftShader); ` +
        `avatar JS ${r.avatarJsMs.median}/${r.avatarJsMs.p90} ms per frame (median/p90), ${r.animatedPerFrame} animated per frame (${r.nearAvatars} near, ${r.farAvatars} far; ${r.frames} frames)`,
    );
  }
  console.log(`avatar model: a ${(model.bytes / 1024).toFixed(1)} KiB VRM loads in ${model.loadMs} ms (fetch + parse) and adds ${model.extraDrawCalls} draw calls`);
  results.render = rows;
  results.avatarModel = model;
});
await section("rooms", async () => {
  const rows = await roomTemplates(profile.rooms);
  for (const r of rows) {
    const over =
      r.drawCalls > TEMPLATE_BUDGET.drawCalls || r.triangles > TEMPLATE_BUDGET.triangles || r.textureBytes > TEMPLATE_BUDGET.textureMemoryBytes ? "  OVER BUDGET" : "";
    const mib = (r.textureBytes / 1024 / 1024).toFixed(1);
    console.log(`room ${r.template.padEnd(15)} ${r.drawCalls} draw calls, ${r.triangles} triangles, ${r.textures} textures (${mib} MiB), ${r.geometries} geometries, loaded in ${r.loadMs} ms${over}`);
  }
  results.rooms = rows;
});
await section("storage", async () => {
  const rows = await storageWrites(profile.storageWrites);
  for (const r of rows)
    console.log(`storage ${r.dialect}: durable document write p50/p99 ${r.putDocumentMs.p50}/${r.putDocumentMs.p99} ms, event append ${r.appendEventMs.p50}/${r.appendEventMs.p99} ms (${r.writes} each)`);
  results.storage = rows;
});
await section("voice", async () => {
  const { meshSpeakers, sfuSpeakers, windowMs } = profile.voice;
  const rows = [...(await voiceLoad("mesh", meshSpeakers, windowMs)), ...(await voiceLoad("sfu", sfuSpeakers, windowMs))];
  for (const r of rows)
    console.log(
      `voice ${r.transport} ${String(r.speakers).padStart(2)} speakers: listener receives ${r.streamsReceived} streams, ${r.listenerKbitPerS} kbit/s; ` +
        `Chromium ${r.chromiumCpuPerPagePct}% of a core per page (rendering included)${r.janusCpuPct === null ? "" : `; Janus ${r.janusCpuPct}%`}`,
    );
  if (sfuSpeakers.length === 0) console.log("voice sfu: skipped in quick mode (Janus and its network namespace are the full run's: see bench/README.md)");
  else if (!process.env.OTC_JANUS_ICE) console.log("voice sfu: skipped (run `node scripts/netns.mjs npm run bench -- voice` for the SFU rows)");
  results.voice = rows;
});
await section("voicescale", async () => {
  const { listeners, windowMs } = profile.voiceScale;
  if (!process.env.OTC_JANUS_ICE) {
    console.log("voicescale: skipped (Janus needs its network namespace: `cd bench && node ../scripts/netns.mjs ./node_modules/.bin/tsx run.ts voicescale`)");
    return;
  }
  const r = await voiceScale(listeners, windowMs);
  if (!r) return void console.log("voicescale: skipped (no janus binary on PATH)");
  console.log(
    `voicescale → 300 listeners: Janus ≈ ${r.at300.janusCpuPct} % of a core (${r.fit.interceptPct} % + ${r.fit.slopePctPerListener} % per listener, least squares over ${r.rows.map((x) => x.listeners).join("/")}), ` +
      `${r.at300.downstreamMbitPerS} Mbit/s of RTP out of Janus (${r.at300.kbitPerSListener} kbit/s each: 3 × 50 packets/s of ${r.rows.at(-1)!.rtpBytesPerPacket} bytes; add SRTP, UDP and IP headers on the wire)`,
  );
  results.voiceScale = r;
});
await section("whiteboard", async () => {
  const rows = [];
  for (const n of profile.whiteboardStrokes) {
    const r = await whiteboardLateJoin(n);
    rows.push(r);
    console.log(
      `whiteboard late join, ${String(n).padStart(4)} strokes (${r.pointsPerStroke} points each): ${(r.snapshotBytes / 1024).toFixed(1)} KiB on the wire, ` +
        `sync ${r.syncMs} ms; room open + join (log replay) ${r.replayMs} ms`,
    );
  }
  results.whiteboard = rows;
  const replay = whiteboardReplay(profile.whiteboardReplayOps);
  console.log(
    `whiteboard replay, ${replay.ops} ops (${replay.logMiB} MiB log): whole log ${replay.fullReplayMs} ms; ` +
      `compacted (${replay.snapshotKiB} KiB snapshot + ${replay.tailOps} ops) ${replay.compactedReplayMs} ms`,
  );
  results.whiteboardReplay = replay;
});
await section("slides", async () => {
  const r = await slidesPaging(profile.slidePages);
  console.log(
    `slides: page turn → drawn on a second page p50/p90/max ${r.latencyMs.p50}/${r.latencyMs.p90}/${r.latencyMs.max} ms (loopback, SwiftShader); ` +
      `after ${r.pages} pages ${r.liveTextures} page textures (${r.textureMiB} MiB; at most ${r.maxLiveTextures}, ${r.maxTextureMiB} MiB), ` +
      `renderer textures ${r.rendererTextures.start} → ${r.rendererTextures.end}, JS heap ${r.heapMiB.start} → ${r.heapMiB.end} MiB`,
  );
  results.slides = r;
});
await section("soak", async () => {
  const { clients, seconds, sampleMs } = profile.soak;
  const r = await soak(clients, seconds, sampleMs);
  console.log(
    `soak ${r.clients} clients × ${r.seconds} s (${r.joins} joins with churn, ${r.framesPerClientPerSecond} presence frames/s each, longest gap ${r.maxGapMs} ms): ` +
      `server RSS ${r.rssMiB.start} → ${r.rssMiB.end} MiB (max ${r.rssMiB.max}), slope ${r.rssSlopeMiBPerMin} MiB/min; heap slope ${r.heapSlopeMiBPerMin} MiB/min; ` +
      `retained heap (after GC, everyone seated) ${r.retainedHeapMiB.start} → ${r.retainedHeapMiB.end} MiB, ${r.retainedHeapMiB.perJoinKB} KB per join`,
  );
  results.soak = r;
});
await section("doors", async () => {
  const r = await doorSwitch(profile.doorSwitches);
  console.log(
    `doors: VR room switch, doorway → next room's first frame, median ${r.ms.median} ms (min ${r.ms.min}, max ${r.ms.max}; answered after ${r.answerMs.median}, first state after ${r.connectedMs.median}, built after ${r.joinMs.median} ms) ` +
      `over ${r.switches} switches (loopback, SwiftShader); same XR session throughout: ${r.sameXrSession ? "yes" : "NO"}`,
  );
  results.doors = r;
});
await section("vrmenu", async () => {
  const chunk = xrUiChunk();
  const desktop = bundleSize().firstLoadGzipKiB;
  console.log(`vr menu: XR UI chunk ${chunk.file} ${chunk.gzipKiB} KiB gzip, ${chunk.withOwnImportsGzipKiB} KiB with the chunks only it loads (budget 200); desktop first load ${desktop} KiB gzip (the XR UI is not in it)`);
  const frames = profile.vrMenuFrames > 0 ? await vrMenuFrames(profile.vrMenuFrames) : null;
  if (frames) {
    console.log(
      `vr menu, emulated Quest 3, median of ${frames.frames} XR frames: closed ${frames.closed.drawCalls} draw calls, ${frames.closed.frameJsMs} ms JS per frame; ` +
        `open ${frames.open.drawCalls} draw calls, ${frames.open.frameJsMs} ms; extra ${frames.extraDrawCalls} draw calls (budget 12), ${frames.extraFrameJsMs} ms (budget 0.5; SwiftShader, render submit included)`,
    );
  } else console.log("vr menu frames: skipped in quick mode (300 XR frames twice are the full run's)");
  results.vrMenu = { chunk, desktopFirstLoadGzipKiB: desktop, frames };
});

await section("polls", async () => {
  const r = await pollsLoad(profile.pollClients);
  console.log(
    `polls: ${r.clients} clients answer at once: every client has the final counts ${r.finalCountsMs} ms after the last answer was sent ` +
      `(loopback, clients in the server's process); server time per answer ${r.answerMs.mean}/${r.answerMs.p99} ms (mean/p99, durable write included); ${r.broadcasts} coalesced broadcasts`,
  );
  results.polls = r;
});

await section("breakouts", async () => {
  const r = await breakoutsLoad(profile.breakoutClients, profile.breakoutGroups);
  console.log(`breakouts: ${r.clients} clients into ${r.groups} groups: all in their groups ${r.outMs} ms after start, all back ${r.backMs} ms after the end (loopback, clients in the server's process)`);
  results.breakouts = r;
});

await section("onboarding", async () => {
  const rows = [];
  for (const device of ["desktop", "vr-controllers"] as const) {
    const r = await onboardingBench(device, profile.name === "quick" ? 2 : 10);
    console.log(`onboarding ${device}: a scripted perfect user through ${r.steps} steps, first report → facilitator sees done ${r.endToEndMs} ms (median of ${r.runs}; loopback), one step → facilitator's table ${r.stepToTableMs} ms (median)`);
    rows.push(r);
  }
  results.onboarding = rows;
});

await section("record", async () => {
  const { people, hours, runs } = profile.record;
  const r = await recordBench(people, hours, runs);
  console.log(`record: report of ${r.people} people over ${r.hours} h (${r.events} stored events): computed from storage in ${r.computeMs.mean} ms (mean of ${r.runs}; min ${r.computeMs.min}, max ${r.computeMs.max}), CSV ${r.csvMs} ms`);
  const c = await recordRenderBench(people, hours, profile.record.renderRuns);
  console.log(`record: the console draws it (table and 3 charts, Chromium) in ${c.renderMs.mean} ms after the response (mean of ${c.runs}; min ${c.renderMs.min}, max ${c.renderMs.max}); press to drawn ${c.pressToDrawnMs.mean} ms`);
  results.record = { ...r, console: c };
});

await section("lowbw", async () => {
  const quick = profile.name === "quick";
  const r = await lowBandwidthBench(quick ? 8 : 50, quick ? 1 : 10);
  const p = r.presenceBytesPerSecond;
  const v = r.voiceKbps;
  console.log(
    `lowbw: viewer in a ${r.people}-person room of walkers (${r.seconds} s): presence ${p.normal} B/s normal, ${p.low} B/s low (${p.ratio}× fewer); ` +
      `voice (modelled, ${v.speakers} speakers) ${v.normal} kbit/s normal, ${v.low} kbit/s low (${v.ratio}×); overall ${r.overall.normalKbps} → ${r.overall.lowKbps} kbit/s (${r.overall.ratio}×; goal ≥ 3×)`,
  );
  results.lowbw = r;
});

const dir = path.join(repoRoot, "bench-results");
const out = path.join(dir, profile.name === "quick" ? "quick.json" : "latest.json");
mkdirSync(dir, { recursive: true });
writeFileSync(out, `${JSON.stringify({ ...results, failed }, null, 2)}\n`);
const baselinePath = path.join(dir, "baseline.json");
if (profile.name === "quick") console.log("quick mode: small counts and short windows, not compared with the baseline");
else if (existsSync(baselinePath)) {
  const base = JSON.parse(readFileSync(baselinePath, "utf8")) as Record<string, unknown>;
  console.log(`baseline from ${String(base.date)} (${String(base.cores ?? "?")} cores)${base.presenceRecorded ? `; presence rows from ${String(base.presenceRecorded)}` : ""}:`);
  console.log(JSON.stringify({ presence: base.presence, bundle: base.bundle, render: base.render }));
}
console.log(`written: ${path.relative(repoRoot, out)}`);
if (failed.length > 0) console.log(`bench: ${failed.length} section(s) failed: ${failed.join(", ")}`);
process.exit(failed.length > 0 ? 1 : 0);
