// Voice at scale through the SFU: 3 werift speakers publish Opus into a real Janus (started as our
// server starts it, same config), and N werift listeners each subscribe to all 3. Listeners are added
// row by row (10 → 25 → 50 → 100, kept between rows); per row: per-listener downstream RTP kbit/s
// and packets/s, how many listeners got all 3 streams, Janus CPU (/proc/<pid>/stat) and this Node
// process's CPU (speakers + listeners + signalling share the box). Needs the network namespace
// (scripts/netns.mjs: Janus gathers no ICE candidates on loopback) and returns null without it.
import { readFileSync } from "node:fs";
import { JanusGateway } from "@otc/server/src/features/voice/sfu/janus-gateway.ts";
import { findJanusBinary, startJanus, type JanusChild } from "@otc/server/src/features/voice/sfu/janus-process.ts";
import { JANUS_TEMPLATE_DIR } from "@otc/server/src/features/voice/sfu/sfu-setup.ts";
import { PTIME_MS, startListener, startSpeaker, type Listener, type Speaker } from "./voice-scale-peers.ts";

export const SPEAKERS = 3;
/** Subscriptions negotiated at once while adding listeners (more only queue inside Janus and this process). */
const SETUP_BATCH = 5;
/** A listener "has" a stream once this many packets of it arrived (1 s of audio). */
const LIVE_PACKETS = 50;

export interface VoiceScaleRow {
  listeners: number;
  /** Mean over listeners; min shows the worst one. */
  kbitPerSListener: { mean: number; min: number };
  packetsPerSListener: number;
  /** Listeners that received all 3 streams during the window, as a fraction of `listeners`. */
  allStreamsFraction: number;
  /** % of one core over the window. */
  janusCpuPct: number;
  janusCpuPctPerListener: number;
  nodeCpuPct: number;
  /**
   * The namespace's own UDP counters (/proc/net/snmp is per network namespace, and only Janus and
   * these peers use UDP in it): datagrams sent per second over listeners (Janus' forwarded packets
   * and the listeners' RTCP; the speakers' 150/s spread over them), and datagrams the kernel dropped
   * per second because a listener's socket buffer was full (this process not reading fast enough).
   */
  udpOutPerSListener: number;
  udpDroppedPerS: number;
  /** RTP bytes per packet received (header + payload), to turn packet rates into kbit/s. */
  rtpBytesPerPacket: number;
  /** Frames each speaker sent per second (50 when the sending clock keeps up). */
  speakerPacketsPerS: number;
  /** Time to add this row's new listeners (negotiation + first packets of all 3), s. */
  setupS: number;
}

export interface VoiceScale {
  rows: VoiceScaleRow[];
  /** Least squares of Janus CPU over listeners (one row: the per-listener ratio, no intercept). */
  fit: { interceptPct: number; slopePctPerListener: number };
  /**
   * Downstream at 300 is what Janus forwards, not what this process managed to read: 3 streams of 50
   * packets/s of the measured RTP size, per listener.
   */
  at300: { janusCpuPct: number; kbitPerSListener: number; downstreamMbitPerS: number };
}

/** CPU seconds of one process (utime + stime, USER_HZ = 100). */
function processCpuS(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}
const nodeCpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** UDP OutDatagrams and RcvbufErrors of this network namespace. */
function udpCounters(): { out: number; dropped: number } {
  const lines = readFileSync("/proc/net/snmp", "utf8").split("\n").filter((l) => l.startsWith("Udp:"));
  const names = lines[0]!.split(/\s+/);
  const values = lines[1]!.split(/\s+/).map(Number);
  return { out: values[names.indexOf("OutDatagrams")]!, dropped: values[names.indexOf("RcvbufErrors")]! };
}
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function voiceScale(listenerCounts: number[], windowMs: number, log: (line: string) => void = console.log): Promise<VoiceScale | null> {
  const ice = process.env.OTC_JANUS_ICE;
  const binary = findJanusBinary();
  if (!ice || !binary || listenerCounts.length === 0) return null;
  let janus: JanusChild | null = null;
  let gateway: JanusGateway | null = null;
  const speakers: Speaker[] = [];
  const listeners: Listener[] = [];
  let clock: NodeJS.Timeout | undefined;
  const janusLog = quietLog(log);
  try {
    janus = await startJanus({ binary, templateDir: JANUS_TEMPLATE_DIR, iceEnforceList: ice, rtpPortRange: "42000-45999", log: janusLog.add });
    gateway = await JanusGateway.connect({ url: janus.url, apiSecret: janus.apiSecret, adminKey: janus.adminKey });
    const room = await gateway.createRoom("voice at scale bench");
    for (let i = 1; i <= SPEAKERS; i++) speakers.push(await startSpeaker(gateway, room, i, ice));
    // A microphone makes 50 frames a second whatever the timers do: on a loaded box setInterval fires
    // late, so each tick sends every frame due since the start (late frames go out together).
    const start = performance.now();
    const sent = { frames: 0 };
    clock = setInterval(() => {
      for (const due = Math.floor((performance.now() - start) / PTIME_MS); sent.frames < due; sent.frames++) speakers.forEach((s) => s.tick());
    }, PTIME_MS);
    const feeds = speakers.map((s) => s.feed);
    const rows: VoiceScaleRow[] = [];
    for (const n of listenerCounts) {
      const t0 = performance.now();
      while (listeners.length < n) {
        const batch = Math.min(SETUP_BATCH, n - listeners.length);
        listeners.push(...(await Promise.all(Array.from({ length: batch }, () => startListener(gateway!, room, feeds, ice)))));
      }
      const live = (l: Listener) => [...l.packetsByTrack.values()].filter((p) => p >= LIVE_PACKETS).length;
      const deadline = Date.now() + 60_000;
      while (listeners.some((l) => live(l) < SPEAKERS) && Date.now() < deadline) await sleep(250);
      const setupS = (performance.now() - t0) / 1000;
      rows.push(await measure(listeners, janus.pid, windowMs, setupS, () => sent.frames));
      const r = rows.at(-1)!;
      log(
        `voicescale ${String(n).padStart(3)} listeners × ${SPEAKERS} speakers: ${r.kbitPerSListener.mean} kbit/s per listener (min ${r.kbitPerSListener.min}; RTP), ${r.packetsPerSListener} packets/s; ` +
          `all ${SPEAKERS} streams at ${Math.round(r.allStreamsFraction * 100)} % of listeners; Janus ${r.janusCpuPct} % of a core (${r.janusCpuPctPerListener} % per listener); ` +
          `werift clients (this Node process) ${r.nodeCpuPct} %; speakers sent ${r.speakerPacketsPerS} packets/s each; UDP ${r.udpOutPerSListener} datagrams/s out per listener, ${r.udpDroppedPerS}/s dropped at full receive buffers; added in ${round(setupS)} s`,
      );
    }
    return { rows, ...extrapolate(rows) };
  } finally {
    clearInterval(clock);
    await Promise.all(listeners.map((l) => l.close().catch(() => undefined)));
    await Promise.all(speakers.map((s) => s.close().catch(() => undefined)));
    await gateway?.close();
    await janus?.stop();
    janusLog.summary();
  }
}

/**
 * Janus warns per packet once listeners fall behind ("Discarding too old outgoing packet"): the first
 * few lines are printed, the rest counted by kind and summed up at the end.
 */
function quietLog(log: (line: string) => void) {
  const counts = new Map<string, number>();
  return {
    add: (line: string) => {
      const kind = line.replace(/^janus: \[[^\]]*\] /, "").replace(/\[\d+\] /, "").replace(/\d+/g, "#");
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      if (n <= 2) log(line);
    },
    summary: () => {
      for (const [kind, n] of counts) if (n > 2) log(`janus: ${n} × ${kind}`);
    },
  };
}

async function measure(listeners: Listener[], janusPid: number, windowMs: number, setupS: number, frames: () => number): Promise<VoiceScaleRow> {
  const snap = () => listeners.map((l) => ({ bytes: l.bytes, packets: l.packets, byTrack: new Map(l.packetsByTrack) }));
  const [b0, j0, n0, u0, f0, t0] = [snap(), processCpuS(janusPid), nodeCpuS(), udpCounters(), frames(), performance.now()];
  await sleep(windowMs);
  const [b1, j1, n1, u1, f1, t1] = [snap(), processCpuS(janusPid), nodeCpuS(), udpCounters(), frames(), performance.now()];
  const s = (t1 - t0) / 1000;
  const kbit = b1.map((b, i) => ((b.bytes - b0[i]!.bytes) * 8) / 1000 / s);
  const packets = b1.reduce((a, b, i) => a + b.packets - b0[i]!.packets, 0) / s / listeners.length;
  // A stream counts if it delivered at least half its packets during the window.
  const expected = (windowMs / PTIME_MS) * 0.5;
  const full = b1.filter((b, i) => [...b.byTrack].filter(([k, p]) => p - (b0[i]!.byTrack.get(k) ?? 0) >= expected).length >= SPEAKERS).length;
  const janusCpuPct = ((j1 - j0) / s) * 100;
  return {
    listeners: listeners.length,
    kbitPerSListener: { mean: round(kbit.reduce((a, b) => a + b, 0) / kbit.length), min: round(Math.min(...kbit)) },
    packetsPerSListener: round(packets),
    allStreamsFraction: round(full / listeners.length, 3),
    janusCpuPct: round(janusCpuPct),
    janusCpuPctPerListener: round(janusCpuPct / listeners.length, 3),
    nodeCpuPct: round(((n1 - n0) / s) * 100),
    udpOutPerSListener: round((u1.out - u0.out) / s / listeners.length),
    udpDroppedPerS: round((u1.dropped - u0.dropped) / s),
    speakerPacketsPerS: round((f1 - f0) / s),
    rtpBytesPerPacket: round(b1.reduce((a, b, i) => a + b.bytes - b0[i]!.bytes, 0) / Math.max(1, b1.reduce((a, b, i) => a + b.packets - b0[i]!.packets, 0))),
    setupS: round(setupS),
  };
}

/** Janus CPU = a + b × listeners by least squares over the rows, and what it and the downstream come to at 300. */
export function extrapolate(rows: VoiceScaleRow[]): Pick<VoiceScale, "fit" | "at300"> {
  const n = rows.length;
  const xs = rows.map((r) => r.listeners);
  const ys = rows.map((r) => r.janusCpuPct);
  let slope: number;
  let intercept = 0;
  if (n < 2) slope = ys[0]! / xs[0]!;
  else {
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    intercept = my - slope * mx;
  }
  const kbit = (SPEAKERS * (1000 / PTIME_MS) * rows.at(-1)!.rtpBytesPerPacket * 8) / 1000;
  return {
    fit: { interceptPct: round(intercept, 2), slopePctPerListener: round(slope, 3) },
    at300: { janusCpuPct: round(intercept + slope * 300), kbitPerSListener: round(kbit), downstreamMbitPerS: round((kbit * 300) / 1000) },
  };
}
