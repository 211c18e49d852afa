import { LOW_BANDWIDTH_PTIME_MS, LOW_BANDWIDTH_VOICE_BPS, type RelayedVoiceSignal, type VoiceSignal } from "@otc/contract";
import { capSenderBitrate, withOpusMaxBitrate } from "./opus-bitrate.js";
import { gathered, inboundByOwner, type TransportCallbacks, type VoiceTransport } from "./voice-transport.js";

/** What a voice transport reports about one remote speaker's incoming audio (getStats inbound-rtp). */
export interface InboundStats {
  id: string;
  packetsReceived: number;
  bytesReceived: number;
  packetsLost: number;
  connection: RTCPeerConnectionState;
  /** How the media travels: the local candidate type of the selected pair ("host", "srflx", "relay" through TURN). */
  path?: string;
}

export interface MeshCallbacks extends TransportCallbacks {
  send(signal: VoiceSignal): void;
}

interface Peer {
  pc: RTCPeerConnection;
  initiator: boolean;
}

/**
 * Peer-to-peer voice for small sessions (≤ MESH_MAX_PEOPLE): one RTCPeerConnection per other person,
 * signalled through the room. The person with the smaller id offers; the other answers, so there is
 * never glare. Descriptions go out with their candidates gathered (one message each way). Mute is
 * `track.enabled = false` (silence on the wire, no renegotiation). ICE servers come from `rtc`:
 * none on a LAN, the server's TURN relays (e.g. coturn) when it has some.
 */
export class MeshTransport implements VoiceTransport {
  private readonly peers = new Map<string, Peer>();
  private track: MediaStreamTrack | null = null;
  readonly answerMs: readonly number[] = [];

  constructor(
    private readonly selfId: string,
    private readonly callbacks: MeshCallbacks,
    /** Read at each new connection, so renewed TURN credentials apply to the next call. */
    private readonly rtc: () => RTCConfiguration = () => ({}),
    /** Low-bandwidth mode: Opus capped at LOW_BANDWIDTH_VOICE_BPS both ways, and LOW_BANDWIDTH_PTIME_MS packets asked of each peer. */
    private low = false,
  ) {}

  /**
   * Switches low-bandwidth mode in the room: our microphone is capped (or freed) at once, and every
   * peer is called again, so the new description tells them what to send us (a fresh offer replaces
   * the old connection at the other end; the voice drops for the moment the new one takes).
   */
  setLowBandwidth(low: boolean): void {
    if (low === this.low) return;
    this.low = low;
    for (const id of [...this.peers.keys()]) {
      this.hangUp(id);
      void this.call(id);
    }
  }

  /** The local microphone track (null while none is allowed); sent to every current and future peer. */
  setTrack(track: MediaStreamTrack | null): void {
    this.track = track;
    for (const peer of this.peers.values()) void this.attachTrack(peer.pc);
  }

  /** Connects to everyone in `ids` not yet connected and hangs up on everyone else. */
  sync(ids: ReadonlySet<string>): void {
    for (const id of [...this.peers.keys()]) if (!ids.has(id)) this.hangUp(id);
    for (const id of ids) if (id !== this.selfId && !this.peers.has(id) && this.selfId < id) void this.call(id);
  }

  async receive(signal: RelayedVoiceSignal): Promise<void> {
    const { from, description } = signal;
    if (description?.type === "offer") {
      this.hangUp(from); // a fresh offer replaces whatever we had (the caller restarted)
      const pc = this.open(from, false);
      await pc.setRemoteDescription(description);
      await this.attachTrack(pc);
      if (!this.current(from, pc)) return;
      const answer = await pc.createAnswer();
      if (!this.current(from, pc)) return;
      await pc.setLocalDescription(this.capped(answer));
      await this.sendDescription(from, pc);
    } else if (description?.type === "answer") {
      const peer = this.peers.get(from);
      if (peer?.pc.signalingState === "have-local-offer") await peer.pc.setRemoteDescription(description);
    } else if (signal.candidate) {
      await this.peers.get(from)?.pc.addIceCandidate(signal.candidate).catch(() => undefined);
    }
  }

  async stats(): Promise<InboundStats[]> {
    const out: InboundStats[] = [];
    for (const [id, { pc }] of this.peers) {
      const [s] = await inboundByOwner(pc, () => id);
      out.push(s ?? { id, packetsReceived: 0, bytesReceived: 0, packetsLost: 0, connection: pc.connectionState });
    }
    return out;
  }

  close(): void {
    for (const id of [...this.peers.keys()]) this.hangUp(id);
  }

  private async call(id: string): Promise<void> {
    const pc = this.open(id, true);
    pc.addTransceiver("audio", { direction: "sendrecv" });
    await this.attachTrack(pc);
    if (!this.current(id, pc)) return;
    const offer = await pc.createOffer();
    if (!this.current(id, pc)) return;
    await pc.setLocalDescription(this.capped(offer));
    await this.sendDescription(id, pc);
  }

  /**
   * Whether `pc` is still the open link to `id`: the peer may leave (hangUp closes it) while we await,
   * and createOffer/createAnswer on a closed RTCPeerConnection throws InvalidStateError.
   */
  private current(id: string, pc: RTCPeerConnection): boolean {
    return pc.signalingState !== "closed" && this.peers.get(id)?.pc === pc;
  }

  private open(id: string, initiator: boolean): RTCPeerConnection {
    const pc = new RTCPeerConnection(this.rtc());
    this.peers.set(id, { pc, initiator });
    pc.ontrack = (e) => this.callbacks.onTrack(id, e.streams[0] ?? new MediaStream([e.track]));
    pc.onconnectionstatechange = () => {
      // A dead link (Wi-Fi change, sleep): the offerer calls again; the answerer waits for that offer.
      if (pc.connectionState === "failed" && this.peers.get(id)?.pc === pc && initiator) {
        this.hangUp(id);
        void this.call(id);
      }
    };
    return pc;
  }

  private async attachTrack(pc: RTCPeerConnection): Promise<void> {
    const transceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === "audio");
    if (!transceiver) return;
    transceiver.direction = "sendrecv";
    if (transceiver.sender.track !== this.track) await transceiver.sender.replaceTrack(this.track).catch(() => undefined);
    if (this.low) await capSenderBitrate(transceiver.sender, LOW_BANDWIDTH_VOICE_BPS);
  }

  /** Our description, asking the peer in low-bandwidth mode for at most LOW_BANDWIDTH_VOICE_BPS in LOW_BANDWIDTH_PTIME_MS packets. */
  private capped(d: RTCSessionDescriptionInit): RTCSessionDescriptionInit {
    return this.low && d.sdp ? { type: d.type, sdp: withOpusMaxBitrate(d.sdp, LOW_BANDWIDTH_VOICE_BPS, LOW_BANDWIDTH_PTIME_MS) } : d;
  }

  private async sendDescription(to: string, pc: RTCPeerConnection): Promise<void> {
    await gathered(pc);
    const d = pc.localDescription;
    if (d && this.peers.get(to)?.pc === pc) this.callbacks.send({ to, description: { type: d.type === "answer" ? "answer" : "offer", sdp: d.sdp } });
  }

  private hangUp(id: string): void {
    const peer = this.peers.get(id);
    if (!peer) return;
    peer.pc.ontrack = null;
    peer.pc.onconnectionstatechange = null;
    peer.pc.close();
    this.peers.delete(id);
    this.callbacks.onGone(id);
  }
}
