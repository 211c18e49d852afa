// werift peers for the voice-at-scale bench: speakers that publish Opus RTP into Janus' VideoRoom and
// listeners that subscribe to them, negotiated through janode handles the way our server does it
// (apps/server/src/features/voice/sfu/sfu-room.ts), without Chromium: a listener here costs tens of
// microseconds of Node per packet instead of a browser page.
import { randomBytes } from "node:crypto";
import { MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket } from "werift";
import { HANDLE_WEBRTCUP, type JanusGateway, type VideoRoomHandle } from "@otc/server/src/features/voice/sfu/janus-gateway.ts";

export const PTIME_MS = 20;
/** 80-byte Opus payloads every 20 ms: 32 kbit/s, the bitrate our client asks Opus for. */
export const OPUS_PAYLOAD_BYTES = 80;
/**
 * TOC byte 0xF8: config 31 (CELT-only, fullband, 20 ms), mono, one frame (RFC 6716 §3.1); the rest
 * is noise, still a well-formed code-0 packet. Janus' VideoRoom forwards audio without decoding it.
 */
const OPUS_FRAME = Buffer.concat([Buffer.from([0xf8]), randomBytes(OPUS_PAYLOAD_BYTES - 1)]);
const SAMPLES_PER_FRAME = (48_000 * PTIME_MS) / 1000;

/** `host`: the address Janus gathers on (the namespace's 127.0.0.2); werift skips 127/8 unless told. */
const peerConfig = (host: string) => ({
  codecs: { audio: [new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: 48_000, channels: 2 })] },
  iceAdditionalHostAddresses: [host],
});
/** Janus reports a publisher's media up within a second on a quiet box; this only ends a broken run. */
const UP_TIMEOUT_MS = 30_000;

/** The full SDP once ICE gathering is done (our server relays SDP without trickle, so Janus gets every candidate at once). */
async function gathered(pc: RTCPeerConnection): Promise<string> {
  while (pc.iceGatheringState !== "complete") await pc.iceGatheringStateChange.asPromise();
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error("werift produced no local description");
  return sdp;
}

export interface Speaker {
  feed: number;
  /** Sends the next 20 ms frame. */
  tick(): void;
  close(): Promise<void>;
}

/** Publishes as `feed` in `room`; resolves once Janus reports the publisher's PeerConnection up. */
export async function startSpeaker(gateway: JanusGateway, room: number, feed: number, host: string): Promise<Speaker> {
  const pc = new RTCPeerConnection(peerConfig(host));
  const track = new MediaStreamTrack({ kind: "audio" });
  pc.addTransceiver(track, { direction: "sendonly" });
  await pc.setLocalDescription(await pc.createOffer());
  const handle = await gateway.attach();
  let timer: NodeJS.Timeout | undefined;
  const up = new Promise<void>((resolve, reject) => {
    handle.once(HANDLE_WEBRTCUP, () => resolve());
    timer = setTimeout(() => reject(new Error(`speaker ${feed}: Janus saw no media within ${UP_TIMEOUT_MS} ms`)), UP_TIMEOUT_MS);
  }).finally(() => clearTimeout(timer));
  const joined = await handle.joinConfigurePublisher({ room, feed, display: `speaker ${feed}`, audio: true, video: false, jsep: { type: "offer", sdp: await gathered(pc) } });
  if (!joined.jsep) throw new Error("Janus sent no answer to the publish offer");
  await pc.setRemoteDescription(joined.jsep);
  await up;
  let seq = 0;
  let ts = 0;
  return {
    feed,
    tick() {
      track.writeRtp(new RtpPacket(new RtpHeader({ payloadType: 111, sequenceNumber: seq, timestamp: ts, marker: seq === 0 }), OPUS_FRAME));
      seq = (seq + 1) & 0xffff;
      ts = (ts + SAMPLES_PER_FRAME) >>> 0;
    },
    async close() {
      await handle.detach().catch(() => undefined);
      await pc.close();
    },
  };
}

export interface Listener {
  /** RTP bytes (header + payload, SRTP removed) and packets received so far. */
  bytes: number;
  packets: number;
  /** Packets so far per incoming track (one per speaker). */
  packetsByTrack: Map<string, number>;
  close(): Promise<void>;
}

/** Subscribes to every feed at once, as a listener who hears all `feeds` speakers. */
export async function startListener(gateway: JanusGateway, room: number, feeds: number[], host: string): Promise<Listener> {
  const pc = new RTCPeerConnection(peerConfig(host));
  const handle: VideoRoomHandle = await gateway.attach();
  const l: Listener = {
    bytes: 0,
    packets: 0,
    packetsByTrack: new Map(),
    close: async () => {
      await handle.detach().catch(() => undefined);
      await pc.close();
    },
  };
  pc.onTrack.subscribe((track) => {
    const key = track.uuid;
    l.packetsByTrack.set(key, 0);
    track.onReceiveRtp.subscribe((rtp) => {
      l.bytes += rtp.header.serializeSize + rtp.payload.length;
      l.packets++;
      l.packetsByTrack.set(key, (l.packetsByTrack.get(key) ?? 0) + 1);
    });
  });
  const reply = await handle.joinSubscriber({ room, streams: feeds.map((feed) => ({ feed })), autoupdate: false });
  if (!reply.jsep) throw new Error("Janus sent no subscription offer");
  await pc.setRemoteDescription(reply.jsep);
  await pc.setLocalDescription(await pc.createAnswer());
  await handle.start({ jsep: { type: "answer", sdp: await gathered(pc) } });
  return l;
}
