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
 * counter went backwards, or when one of `speakers` sent fewer than `minRise` packets: on a starved
 * 2-core box a connection can fail and be re-created (mesh), a subscription re-offered (SFU), which
 * restarts its inbound-rtp count, or a page stall for a second. A window in which no stream was
 * re-created or stalled shows whether audio really flows; four bad windows in a row are returned as
 * they are, so a stream that really stopped still fails the caller's assertion.
 */
export async function streamWindow(
  page: PageLike,
  ms = 1500,
  expect: { speakers: readonly string[]; minRise: number } = { speakers: [], minRise: 0 },
): Promise<{ before: VoicePeer[]; peaks: Map<string, { input: number; output: number }>; after: VoicePeer[] }> {
  for (let attempt = 1; ; attempt++) {
    const before = await voicePeers(page);
    const peaks = await peakLevels(page, ms);
    const after = await voicePeers(page);
    const counted = (list: VoicePeer[], id: string): number => list.find((p) => p.id === id)?.packetsReceived ?? 0;
    const restarted = after.filter((p) => p.packetsReceived < counted(before, p.id));
    const stalled = expect.speakers.filter((id) => counted(after, id) - counted(before, id) <= expect.minRise);
    if ((restarted.length === 0 && stalled.length === 0) || attempt === 4) return { before, peaks, after };
    if (restarted.length > 0) console.log(`stream from ${restarted.map((p) => p.id).join(", ")} was re-created during the window (counter went back); measuring again`);
    else console.log(`stream from ${stalled.join(", ")} rose ${expect.minRise} packets or fewer in ${ms} ms (page stalled?); measuring again`);
  }
}

/**
 * Each speaker's incoming packets per second and payload kbit/s over `ms` (two readings of the
 * inbound-rtp counters); a speaker whose stream was re-created in between (a counter went back) is left out.
 */
export async function inboundRates(page: PageLike, ms = 3000): Promise<Map<string, { packetsPerSecond: number; kbps: number }>> {
  const before = await voicePeers(page);
  const startedAt = Date.now();
  await new Promise((r) => setTimeout(r, ms));
  const after = await voicePeers(page);
  const seconds = (Date.now() - startedAt) / 1000;
  const rates = new Map<string, { packetsPerSecond: number; kbps: number }>();
  for (const p of after) {
    const b = before.find((x) => x.id === p.id);
    if (!b || p.packetsReceived < b.packetsReceived) continue;
    rates.set(p.id, { packetsPerSecond: (p.packetsReceived - b.packetsReceived) / seconds, kbps: ((p.bytesReceived - b.bytesReceived) * 8) / 1000 / seconds });
  }
  return rates;
}
