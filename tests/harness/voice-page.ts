import { hook, type PageLike } from "./client-page.js";

/** What `window.__otc.voice.peers()` reports per remote speaker (see the client's voice-test-hooks.ts). */
export interface VoicePeer {
  id: string;
  packetsReceived: number;
  bytesReceived: number;
  packetsLost: number;
  connection: string;
  /** Local candidate type of the selected pair: "host", "srflx", or "relay" (through TURN). */
  path?: string;
  /** RMS of what arrives from the network, before volume/zones/panner. */
  input: number;
  /** RMS at the listener's panner output (after distance, zones, mute, volume). */
  output: number;
}

export function voicePeers(page: PageLike): Promise<VoicePeer[]> {
  return hook<VoicePeer[]>(page, "otc.voice.peers()");
}

/** Loudest input/output level per speaker over `ms` (the fake microphone beeps, so a single window may be quiet). */
export async function peakLevels(page: PageLike, ms = 1500): Promise<Map<string, { input: number; output: number }>> {
  const peaks = new Map<string, { input: number; output: number }>();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const p of await voicePeers(page)) {
      const old = peaks.get(p.id) ?? { input: 0, output: 0 };
      peaks.set(p.id, { input: Math.max(old.input, p.input), output: Math.max(old.output, p.output) });
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  return peaks;
}

/** Mean input/output level per speaker over `ms`: fairer than peaks for comparing two speakers. */
export async function meanLevels(page: PageLike, ms = 2000): Promise<Map<string, { input: number; output: number; samples: number }>> {
  const sums = new Map<string, { input: number; output: number; n: number }>();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const p of await voicePeers(page)) {
      const s = sums.get(p.id) ?? { input: 0, output: 0, n: 0 };
      sums.set(p.id, { input: s.input + p.input, output: s.output + p.output, n: s.n + 1 });
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  return new Map([...sums].map(([id, s]) => [id, { input: s.input / s.n, output: s.output / s.n, samples: s.n }]));
}

/**
 * Packet counters and peak levels over one window of `ms`, measured again (up to 4 times) when a
 * counter went backwards: on a starved 2-core box a connection can fail and be re-created (mesh) or
 * a subscription re-offered (SFU), which restarts its inbound-rtp count. A window in which no
 * stream was re-created shows whether audio really flows.
 */
export async function streamWindow(page: PageLike, ms = 1500): Promise<{ before: VoicePeer[]; peaks: Map<string, { input: number; output: number }>; after: VoicePeer[] }> {
  for (let attempt = 1; ; attempt++) {
    const before = await voicePeers(page);
    const peaks = await peakLevels(page, ms);
    const after = await voicePeers(page);
    const restarted = after.filter((p) => p.packetsReceived < (before.find((b) => b.id === p.id)?.packetsReceived ?? 0));
    if (restarted.length === 0 || attempt === 4) return { before, peaks, after };
    console.log(`stream from ${restarted.map((p) => p.id).join(", ")} was re-created during the window (counter went back); measuring again`);
  }
}
