// Voice cost per listener, mesh vs SFU: one muted listener page and K talking pages (Chromium fake
// microphones), all real clients. Downstream kbit/s from the listener's inbound-rtp bytes; CPU from
// /proc (all Chromium processes per page, and Janus). The SFU half needs the network namespace
// (node scripts/netns.mjs …) — Janus gathers no ICE candidates on loopback — and is skipped without it.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import type { Page } from "playwright-core";
import { VOICE_ARGS, launchChromium, openWatchedPage } from "@otc/tests/harness/chromium.ts";
import { joinFromDesktop } from "@otc/tests/harness/client-page.ts";
import { startTestServer, type TestServer } from "@otc/tests/harness/test-server.ts";
import { voicePeers } from "@otc/tests/harness/voice-page.ts";

export interface VoiceLoad {
  transport: "mesh" | "sfu";
  speakers: number;
  streamsReceived: number;
  listenerKbitPerS: number;
  chromiumCpuPerPagePct: number;
  janusCpuPct: number | null;
}

const TICKS = 100; // USER_HZ

/** This process's network namespace: inside scripts/netns.mjs, only our own browsers and Janus share it. */
const OWN_NET_NS = readlinkSync("/proc/self/ns/net");

/** CPU seconds used so far by processes whose name matches (in our network namespace, so other users' browsers do not count). */
function cpuSeconds(name: RegExp): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readlinkSync(`/proc/${pid}/ns/net`) !== OWN_NET_NS) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!name.test(comm)) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / TICKS;
}

async function received(page: Page): Promise<number> {
  return (await voicePeers(page)).reduce((a, p) => a + p.bytesReceived, 0);
}

/** `windowMs`: how long the listener's downstream bytes and the CPU are measured once every stream is up. */
export async function voiceLoad(transport: "mesh" | "sfu", speakerCounts: number[], windowMs = 8000): Promise<VoiceLoad[]> {
  const ice = process.env.OTC_JANUS_ICE;
  if (speakerCounts.length === 0 || (transport === "sfu" && !ice)) return [];
  const server = await startTestServer(transport === "sfu" ? { voice: { managed: true, iceEnforceList: ice!, rtpPortRange: "41000-41999" } } : {});
  const out: VoiceLoad[] = [];
  try {
    for (const k of speakerCounts) out.push(await measure(server, transport, k, windowMs));
  } finally {
    await server.close();
  }
  return out;
}

/** One listener and `k` speakers in a fresh browser (closed even when the row fails). */
async function measure(server: TestServer, transport: "mesh" | "sfu", k: number, windowMs: number): Promise<VoiceLoad> {
  const browser = await launchChromium({ args: VOICE_ARGS });
  try {
    const invite = await server.invite(`voice-${transport}-${k}`);
    // The join screen needs room; after joining, a tiny viewport keeps software rendering cheap.
    const listener = await openWatchedPage(browser, { width: 480, height: 640 });
    await joinFromDesktop(listener.page, server.url, invite, "Listener", undefined, undefined, () => listener.page.getByLabel("Join muted").check());
    await listener.page.setViewportSize({ width: 200, height: 120 });
    for (let i = 0; i < k; i++) {
      const s = await openWatchedPage(browser, { width: 480, height: 640 });
      await joinFromDesktop(s.page, server.url, invite, `Speaker ${i + 1}`, undefined, undefined, () => s.page.getByLabel("Join muted").uncheck());
      await s.page.setViewportSize({ width: 200, height: 120 });
    }
    const live = async () => (await voicePeers(listener.page)).filter((p) => p.packetsReceived > 50).length;
    const deadline = Date.now() + 120_000;
    while ((await live()) < k && Date.now() < deadline) await listener.page.waitForTimeout(500);
    const streams = await live();
    if (streams === 0) throw new Error(`voice ${transport} ${k} speakers: the listener received no stream within 120 s, nothing to measure`);
    const [b0, c0, j0, t0] = [await received(listener.page), cpuSeconds(/chrom/i), cpuSeconds(/^janus/), Date.now()];
    await listener.page.waitForTimeout(windowMs);
    const [b1, c1, j1, t1] = [await received(listener.page), cpuSeconds(/chrom/i), cpuSeconds(/^janus/), Date.now()];
    const s = (t1 - t0) / 1000;
    return {
      transport,
      speakers: k,
      streamsReceived: streams,
      listenerKbitPerS: Math.round(((b1 - b0) * 8) / 1000 / s),
      chromiumCpuPerPagePct: Math.round(((c1 - c0) / s / (k + 1)) * 100),
      janusCpuPct: transport === "sfu" ? Math.round(((j1 - j0) / s) * 100) : null,
    };
  } finally {
    await browser.close();
  }
}
