import type { InboundStats } from "./mesh-transport.js";

/** What the voice engine needs from a transport (peer-to-peer mesh or the Janus SFU). */
export interface VoiceTransport {
  /** The local microphone track, or null when none is allowed. */
  setTrack(track: MediaStreamTrack | null): void;
  /** Who is connected now (the mesh calls/hangs up; the SFU ignores it: the server decides). */
  sync(ids: ReadonlySet<string>): void;
  stats(): Promise<InboundStats[]>;
  /** Low-bandwidth mode switched in the room (the join's choice comes with the constructor). */
  setLowBandwidth(low: boolean): void;
  /** How long each answer to the server took, ms from the offer's arrival (SFU; empty for the mesh). */
  readonly answerMs: readonly number[];
  close(): void;
}

export interface TransportCallbacks {
  onTrack(id: string, stream: MediaStream): void;
  onGone(id: string): void;
}

/** Longest wait for ICE gathering before sending a description anyway, ms. Host candidates take ~10 ms. */
export const GATHER_TIMEOUT_MS = 3000;

/** Resolves once the connection has gathered its candidates (or after GATHER_TIMEOUT_MS). */
export function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, GATHER_TIMEOUT_MS);
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState !== "complete") return;
      window.clearTimeout(timer);
      resolve();
    });
  });
}

type StatsEntry = {
  type: string;
  id: string;
  kind?: string;
  mid?: string;
  packetsReceived?: number;
  bytesReceived?: number;
  packetsLost?: number;
  selectedCandidatePairId?: string;
  localCandidateId?: string;
  candidateType?: string;
};

/** Sums audio inbound-rtp counters of one connection, per owner (`ownerOf(mid)`; null skips). */
export async function inboundByOwner(pc: RTCPeerConnection, ownerOf: (mid: string | undefined) => string | null): Promise<InboundStats[]> {
  const byId = new Map<string, InboundStats>();
  const report = await pc.getStats();
  const entries = new Map<string, StatsEntry>();
  report.forEach((r: StatsEntry) => entries.set(r.id, r));
  let path: string | undefined;
  for (const r of entries.values()) {
    if (r.type !== "transport" || !r.selectedCandidatePairId) continue;
    const local = entries.get(entries.get(r.selectedCandidatePairId)?.localCandidateId ?? "");
    path = local?.candidateType ?? path;
  }
  report.forEach((r: StatsEntry) => {
    if (r.type !== "inbound-rtp" || r.kind !== "audio") return;
    const id = ownerOf(r.mid);
    if (!id) return;
    const s = byId.get(id) ?? { id, packetsReceived: 0, bytesReceived: 0, packetsLost: 0, connection: pc.connectionState, ...(path ? { path } : {}) };
    s.packetsReceived += r.packetsReceived ?? 0;
    s.bytesReceived += r.bytesReceived ?? 0;
    s.packetsLost += r.packetsLost ?? 0;
    byId.set(id, s);
  });
  return [...byId.values()];
}
