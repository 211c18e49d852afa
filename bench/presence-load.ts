// Presence under load: N @colyseus/sdk clients (in child processes) in one or many rooms, moving at
// 20 Hz. Per-viewer downstream bytes, the server's presence tick (encode + splice + send), the room's whole tick,
// server CPU and RSS; and the join times of everyone (seat reservation → first state).
import { CAPACITY_MAX } from "@otc/contract";
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Room } from "@colyseus/core";
import { PresenceRelay } from "@otc/server/src/features/presence/presence-relay.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";
import type { LoadPlan, LoadReport, Trace } from "./load-clients.ts";
import { pinServerToOneCore } from "./pin-cores.ts";
import { recordGc, slowBlockedTickAnatomy, slowTickAnatomy, type TickAnatomy, type TickSpan } from "./tick-anatomy.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

export interface LoadOptions {
  rooms: number;
  perRoom: number;
  template: "training-room" | "auditorium";
  trace: Trace;
  /** Child processes holding the clients (the server keeps this process to itself). */
  children: number;
  joinSpreadMs?: number;
  warmMs: number;
  measureMs: number;
}

export interface PresenceLoadResult {
  label: string;
  clients: number;
  rooms: number;
  template: string;
  trace: Trace;
  bytesPerSecondPerMovingAvatar: number;
  bytesPerSecondPerViewer: number;
  maxBytesPerSecondPerViewer: number;
  /** Pose updates per avatar per second that reached one viewer (near at 20 Hz, far at 5). */
  updatesPerAvatarPerSecond: number;
  /** One presence tick of one room, all its parts together: encode the tiers, splice and send every viewer's frame. */
  presenceTickMs: { mean: number; p99: number };
  /** CPU time of the presence tick (all parts), mean ms: in the process (encode, ws framing) and in the kernel (socket writes; on loopback the kernel also delivers to the receiving client inside the sender's write); and both together, p99. */
  presenceTickCpuMs: { user: number; system: number; p99: number };
  /** The room's timer callback: Colyseus' broadcastPatch runs the room clock (the presence tick's encode and first part) then the state patch. */
  roomTickMs: { mean: number; p99: number };
  /** Each later block of a presence tick, in a turn of the event loop of its own: a part (rooms of more than VIEWERS_PER_PART viewers), or the encode of a tick that waited for one; zeros when none. */
  presencePartMs: { mean: number; p99: number };
  /** The longest the room holds the event loop: the larger p99 of the room tick and of the later parts. */
  longestBlockP99Ms: number;
  /** The slowest 1 % of presence ticks (all their blocks together): wall time, collector pauses inside their blocks, CPU time. */
  slowPresenceTicks: TickAnatomy;
  /** The slowest 1 % of room ticks: wall time, collector pauses inside them, the process's user and kernel CPU time (every thread: the collector's helpers too). */
  slowRoomTicks: TickAnatomy;
  /** Server process CPU over the measured window, % of one core. */
  serverCpuPct: number;
  serverRssMiB: number;
  reserveMs: { p50: number; p99: number };
  firstStateMs: { p50: number; p99: number };
  joinRetries: number;
  /** Where the server and the clients ran (pinned: the server alone on core 0). */
  placement: string;
}

function timed<T extends object, K extends keyof T>(proto: T, key: K, samples: number[], cpu?: { user: number[]; system: number[] }, spans?: TickSpan[]): () => void {
  const original = proto[key] as unknown as (...a: unknown[]) => unknown;
  (proto as Record<K, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
    // the CPU reading first, then the clock: the reading (~20 µs in the loaded bench process) stays out of the wall time
    const c0 = cpu || spans ? process.cpuUsage() : undefined;
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      const t1 = performance.now();
      samples.push(t1 - t0);
      if (c0) {
        const used = process.cpuUsage(c0);
        cpu?.user.push(used.user / 1000);
        cpu?.system.push(used.system / 1000);
        spans?.push({ start: t0, end: t1, userMs: used.user / 1000, systemMs: used.system / 1000 });
      }
    }
  };
  return () => {
    (proto as Record<K, unknown>)[key] = original;
  };
}

/**
 * Times a presence tick as a whole (its encode and every part, per relay) in `samples`/`cpu`, and each
 * block after the room's timer callback (a part, or the encode of a tick that waited for one) in `parts`.
 */
function timedRelay(samples: number[], cpu: { user: number[]; system: number[] }, parts: number[], current: Map<PresenceRelay, number>, blocks: TickSpan[][]): Array<() => void> {
  const proto = PresenceRelay.prototype;
  const [tick, continueTick] = [proto.tick, proto.continueTick];
  const timed = (relay: PresenceRelay, run: () => number, later: boolean) => {
    const [before, c0] = [relay.tickNumber, process.cpuUsage()];
    const t0 = performance.now(); // after the CPU reading: its ~20 µs stays out of the wall time
    const sent = run();
    const t1 = performance.now();
    const [ms, used] = [t1 - t0, process.cpuUsage(c0)];
    const started = relay.tickNumber !== before;
    if (!started && sent === 0) return sent; // a tick waiting for the last one's parts, or nothing to do
    if (later) parts.push(ms);
    if (started) {
      current.set(relay, samples.length);
      samples.push(0);
      cpu.user.push(0);
      cpu.system.push(0);
      blocks.push([]);
    }
    const i = current.get(relay);
    if (i === undefined) return sent; // its tick began before the window
    samples[i]! += ms;
    cpu.user[i]! += used.user / 1000;
    cpu.system[i]! += used.system / 1000;
    blocks[i]!.push({ start: t0, end: t1, userMs: used.user / 1000, systemMs: used.system / 1000 });
    return sent;
  };
  proto.tick = function (this: PresenceRelay) {
    return timed(this, () => tick.call(this), false);
  };
  proto.continueTick = function (this: PresenceRelay, tickNo: number) {
    return timed(this, () => continueTick.call(this, tickNo), true);
  };
  return [() => (proto.tick = tick), () => (proto.continueTick = continueTick)];
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const at = (s: number[], q: number) => +(s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0).toFixed(2);
const stat = (xs: number[]) => {
  const s = sorted(xs);
  return { mean: +(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)).toFixed(3), p99: at(s, 0.99) };
};
const quantiles = (xs: number[]) => {
  const s = sorted(xs);
  return { p50: at(s, 0.5), p99: at(s, 0.99) };
};

const GRIDS = {
  "training-room": { x: -5.4, z: -4.5, dx: 1.2, dz: 0.9, columns: 10 },
  auditorium: { x: -10.5, z: -8, dx: 1.1, dz: 1.4, columns: 20 },
} as const;

export async function presenceLoad(label: string, o: LoadOptions): Promise<PresenceLoadResult> {
  const server = await startTestServer();
  const tickSamples: number[] = [];
  const tickCpu = { user: [] as number[], system: [] as number[] };
  const roomTickSamples: number[] = [];
  const roomTickSpans: TickSpan[] = [];
  const gc = recordGc();
  const partSamples: number[] = [];
  const relayTicks = new Map<PresenceRelay, number>();
  const tickBlocks: TickSpan[][] = [];
  const restore = [...timedRelay(tickSamples, tickCpu, partSamples, relayTicks, tickBlocks), timed(Room.prototype, "broadcastPatch", roomTickSamples, undefined, roomTickSpans), gc.stop];
  const pinning = pinServerToOneCore();
  try {
    const ws = server.url.replace(/^http/, "ws");
    const sessions = [];
    for (let r = 0; r < o.rooms; r++) {
      const sessionId = `bench-${label.replace(/[^a-z0-9]+/gi, "-")}-${r}`.toLowerCase();
      sessions.push({ sessionId, link: new URL(await server.invite(sessionId, "participant", o.template), server.url).searchParams.get("k")! });
      // More people than the template has seats (its default capacity): as a facilitator would set it.
      await server.setCapacity(sessionId, CAPACITY_MAX);
    }
    const children = Math.min(o.children, o.rooms * o.perRoom);
    let measuring = 0;
    let cpuStart = process.cpuUsage();
    let wallStart = performance.now();
    const plans: LoadPlan[] = [];
    // whole rooms per child when there are many rooms; one room's people split across children otherwise
    for (let c = 0; c < children; c++) {
      const mine = o.rooms >= children ? sessions.filter((_, r) => r % children === c) : sessions;
      plans.push({ url: ws, sessions: mine, perSession: o.perRoom, offset: c * 10_000, trace: o.trace, grid: GRIDS[o.template], joinSpreadMs: o.joinSpreadMs ?? 0, warmMs: o.warmMs, measureMs: o.measureMs });
    }
    if (o.rooms < children) {
      // split exactly: the first children take one more when perRoom does not divide
      const base = Math.floor(o.perRoom / children);
      plans.forEach((p, c) => {
        p.perSession = base + (c < o.perRoom % children ? 1 : 0);
        p.offset = c * base + Math.min(c, o.perRoom % children);
      });
    }
    const runs = plans.map((plan) => {
      const [command, ...args] = [...pinning.clientPrefix, "npx", "tsx", path.join(here, "load-clients.ts"), JSON.stringify(plan)];
      const child = run(command!, args, { cwd: here, maxBuffer: 16 << 20 });
      child.child.stdout?.on("data", (chunk: Buffer) => {
        if (!chunk.toString().includes("measuring")) return;
        // server figures count from the last child's measured window on, not from start-up and joins
        if (++measuring < plans.length) return;
        tickSamples.length = 0;
        tickCpu.user.length = 0;
        tickCpu.system.length = 0;
        partSamples.length = 0;
        tickBlocks.length = 0;
        relayTicks.clear();
        roomTickSamples.length = 0;
        roomTickSpans.length = 0;
        gc.pauses.length = 0;
        cpuStart = process.cpuUsage();
        wallStart = performance.now();
      });
      return child;
    });
    const reports: LoadReport[] = [];
    let cpuPct = 0;
    for (const [i, child] of runs.entries()) {
      const { stdout } = await child;
      if (i === 0) {
        const used = process.cpuUsage(cpuStart);
        cpuPct = Math.round(((used.user + used.system) / 1000 / (performance.now() - wallStart)) * 100);
      }
      reports.push(JSON.parse(stdout.trim().split("\n").pop()!) as LoadReport);
    }
    const decodeErrors = reports.reduce((a, r) => a + r.decodeErrors, 0);
    if (decodeErrors > 0) throw new Error(`${decodeErrors} presence frames failed to decode`);
    const perViewer = reports.flatMap((r) => r.perViewerBytesPerSecond);
    const mean = perViewer.reduce((a, b) => a + b, 0) / perViewer.length;
    return {
      label,
      clients: o.rooms * o.perRoom,
      rooms: o.rooms,
      template: o.template,
      trace: o.trace,
      bytesPerSecondPerViewer: Math.round(mean),
      maxBytesPerSecondPerViewer: Math.round(Math.max(...perViewer)),
      bytesPerSecondPerMovingAvatar: Math.round(mean / (o.perRoom - 1)),
      updatesPerAvatarPerSecond: +reports[0]!.updatesPerAvatarPerSecond.toFixed(1),
      presenceTickMs: stat(tickSamples),
      presenceTickCpuMs: { user: stat(tickCpu.user).mean, system: stat(tickCpu.system).mean, p99: stat(tickCpu.user.map((u, i) => u + tickCpu.system[i]!)).p99 },
      roomTickMs: stat(roomTickSamples),
      presencePartMs: stat(partSamples),
      longestBlockP99Ms: Math.max(stat(roomTickSamples).p99, stat(partSamples).p99),
      slowPresenceTicks: slowBlockedTickAnatomy(tickBlocks, gc.pauses),
      slowRoomTicks: slowTickAnatomy(roomTickSpans, gc.pauses),
      serverCpuPct: cpuPct,
      serverRssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      reserveMs: quantiles(reports.flatMap((r) => r.reserveMs)),
      firstStateMs: quantiles(reports.flatMap((r) => r.firstStateMs)),
      joinRetries: reports.reduce((a, r) => a + r.joinRetries, 0),
      placement: pinning.label,
    };
  } finally {
    pinning.restore();
    restore.forEach((r) => r());
    await server.close();
  }
}
