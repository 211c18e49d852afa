// Low-bandwidth mode: downstream presence bytes of a viewer in a room of walking SDK clients (real
// server, loopback, clients in the server's process), with and without the mode, side by side in the
// same room and walk; plus the voice figure as modelled from the bitrates and packet lengths the
// client asks for (Opus payload and RTP/SRTP/UDP/IP headers), which voice-mesh.test.ts checks on the wire.
import { CAPACITY_MAX, LOW_BANDWIDTH_PTIME_MS, LOW_BANDWIDTH_VOICE_BPS, ModerationMessage, type PoseMessage } from "@otc/contract";
import { simulatedMotion, type AvatarPose } from "@otc/presence";
import { startTestServer, type TestClient } from "@otc/server/src/test-support/harness.ts";

export interface LowBandwidthResult {
  people: number;
  seconds: number;
  presenceBytesPerSecond: { normal: number; low: number; ratio: number };
  /** Modelled, per listener, with `speakers` voices: kbit/s on the wire. */
  voiceKbps: { speakers: number; normal: number; low: number; ratio: number };
  overall: { normalKbps: number; lowKbps: number; ratio: number };
}

const tuple = (p: { p: readonly number[]; q: readonly number[] }) => [...p.p, ...p.q] as [number, number, number, number, number, number, number];
const toMessage = (a: AvatarPose): PoseMessage => ({ h: tuple(a.head), l: a.left && tuple(a.left), r: a.right && tuple(a.right) });

/**
 * Opus target of a browser's default voice (Chrome: 32 kbit/s mono) and of low-bandwidth mode (12), as
 * the client asks for it; voice-mesh.test.ts checks both the payload rate and the packet rate on the wire.
 */
const OPUS_NORMAL_KBPS = 32;
const OPUS_LOW_KBPS = LOW_BANDWIDTH_VOICE_BPS / 1000;
/** Per packet: 12 RTP + 10 SRTP tag + 8 UDP + 20 IPv4 + ~4 header extensions bytes. */
const PACKET_BYTES = 54;
/** 20 ms packets (50 a second) by default; LOW_BANDWIDTH_PTIME_MS asked for in low-bandwidth mode. */
const overheadKbps = (packetMs: number) => ((1000 / packetMs) * PACKET_BYTES * 8) / 1000;

export async function lowBandwidthBench(people: number, seconds: number, speakers = 3): Promise<LowBandwidthResult> {
  const h = await startTestServer();
  try {
    const session = `bench-lowbw-${people}`;
    const normal = await h.join("Normal viewer", { sessionId: session }, { kind: "facilitator" });
    normal.room.send(ModerationMessage.capacity, { capacity: CAPACITY_MAX });
    await until(() => normal.room.state.moderation.capacity === CAPACITY_MAX);
    const low = await h.join("Low viewer", { sessionId: session, bandwidth: "low" });
    const walkers: TestClient[] = [];
    for (let i = 0; i < people - 2; i++) walkers.push(await h.join(`W${i}`, { sessionId: session }));
    // spread over the room: 8 columns 1.6 m apart, rows 1.8 m apart, around the viewers at the centre
    const centre = (i: number): [number, number] => [-5.6 + (i % 8) * 1.6, -5 + Math.floor(i / 8) * 1.8];
    h.clock.now += 1000;
    normal.sendPose({ h: [-0.3, 1.6, 0, 0, 0, 0, 1], l: null, r: null, teleport: true });
    low.sendPose({ h: [0.3, 1.6, 0, 0, 0, 0, 1], l: null, r: null, teleport: true });
    const bytes = { normal: 0, low: 0, counting: false };
    for (const [who, c] of [["normal", normal], ["low", low]] as const) {
      const apply = c.decoder.apply.bind(c.decoder);
      c.decoder.apply = (frame) => {
        if (bytes.counting) bytes[who] += frame.byteLength;
        return apply(frame);
      };
    }
    const ticks = Math.round(seconds * 20);
    const warm = 20; // a second to settle tiers after the keyframes
    for (let k = 0; k < warm + ticks; k++) {
      bytes.counting = k >= warm;
      h.clock.now += 50;
      walkers.forEach((w, i) => w.sendPose({ ...toMessage(simulatedMotion(k / 20, i * 0.7, centre(i))), ...(k === 0 ? { teleport: true } : {}) }));
      await new Promise((r) => setTimeout(r, 50));
    }
    bytes.counting = false;
    const perS = (b: number) => Math.round(b / seconds);
    const presence = { normal: perS(bytes.normal), low: perS(bytes.low), ratio: +(bytes.normal / Math.max(1, bytes.low)).toFixed(2) };
    // SFU: a low listener receives the presenter and the 2 nearest; with 3 speakers that is all 3.
    const voice = {
      speakers,
      normal: +(speakers * (OPUS_NORMAL_KBPS + overheadKbps(20))).toFixed(1),
      low: +(Math.min(speakers, 3) * (OPUS_LOW_KBPS + overheadKbps(LOW_BANDWIDTH_PTIME_MS))).toFixed(1),
      ratio: 0,
    };
    voice.ratio = +(voice.normal / voice.low).toFixed(2);
    const normalKbps = +((presence.normal * 8) / 1000 + voice.normal).toFixed(1);
    const lowKbps = +((presence.low * 8) / 1000 + voice.low).toFixed(1);
    return { people, seconds, presenceBytesPerSecond: presence, voiceKbps: voice, overall: { normalKbps, lowKbps, ratio: +(normalKbps / lowKbps).toFixed(2) } };
  } finally {
    await h.close();
  }
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("lowbw bench: timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
