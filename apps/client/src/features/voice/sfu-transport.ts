import type { VoiceSfuClientMessage, VoiceSfuServerMessage } from "@otc/contract";
import type { InboundStats } from "./mesh-transport.js";
import { LOW_BANDWIDTH_VOICE_BPS } from "@otc/contract";
import { capSenderBitrate } from "./opus-bitrate.js";
import { gathered, inboundByOwner, type TransportCallbacks, type VoiceTransport } from "./voice-transport.js";

/**
 * Voice through the Janus SFU, signalled via our server (Janus's API is never exposed): one
 * send-only connection publishes the microphone; one receive connection carries a separate track
 * per speaker (multistream), re-offered by the server as it re-chooses whom this person hears.
 * `speakers` in each offer says which m-line (mid) is whose, so each track gets its own panner.
 */
export class SfuTransport implements VoiceTransport {
  private pub: RTCPeerConnection | null = null;
  private sub: RTCPeerConnection | null = null;
  private owners: Record<string, string> = {};
  private queue: Promise<void> = Promise.resolve();
  readonly answerMs: number[] = [];

  constructor(
    private readonly send: (message: VoiceSfuClientMessage) => void,
    private readonly callbacks: TransportCallbacks,
    /** Read at each new connection, so renewed TURN credentials apply to the next call. */
    private readonly rtc: () => RTCConfiguration = () => ({}),
    /** Low-bandwidth mode: we publish Opus at most LOW_BANDWIDTH_VOICE_BPS (the server also sends us fewer voices). */
    private low = false,
  ) {}

  /** Switches low-bandwidth mode in the room: caps (or frees) our published microphone at once; the server chooses fewer voices for us. */
  setLowBandwidth(low: boolean): void {
    if (low === this.low) return;
    this.low = low;
    const sender = this.pub?.getSenders()[0];
    if (sender) this.serial(() => capSenderBitrate(sender, low ? LOW_BANDWIDTH_VOICE_BPS : null));
  }

  setTrack(track: MediaStreamTrack | null): void {
    if (this.pub) {
      void this.pub.getSenders()[0]?.replaceTrack(track);
      return;
    }
    if (!track) return; // listen-only: nothing to publish
    const pc = new RTCPeerConnection(this.rtc());
    this.pub = pc;
    const { sender } = pc.addTransceiver(track, { direction: "sendonly" });
    this.serial(async () => {
      if (this.low) await capSenderBitrate(sender, LOW_BANDWIDTH_VOICE_BPS);
      await pc.setLocalDescription(await pc.createOffer());
      await gathered(pc);
      this.send({ kind: "publish", sdp: pc.localDescription!.sdp });
    });
  }

  sync(): void {
    // The server chooses whom each person receives.
  }

  receive(message: VoiceSfuServerMessage): void {
    const arrived = performance.now();
    this.serial(async () => {
      if (message.kind === "publish-answer") await this.pub?.setRemoteDescription({ type: "answer", sdp: message.sdp });
      else if (message.kind === "subscribe-offer") {
        await this.subscribed(message);
        this.answerMs.push(Math.round(performance.now() - arrived));
      }
    });
  }

  async stats(): Promise<InboundStats[]> {
    return this.sub ? inboundByOwner(this.sub, (mid) => (mid === undefined ? null : (this.owners[mid] ?? null))) : [];
  }

  close(): void {
    for (const id of Object.values(this.owners)) this.callbacks.onGone(id);
    this.owners = {};
    this.pub?.close();
    this.sub?.close();
  }

  private async subscribed({ sdp, speakers, offer, fresh }: Extract<VoiceSfuServerMessage, { kind: "subscribe-offer" }>): Promise<void> {
    if (fresh && this.sub) {
      // The server rebuilt our subscription (an earlier offer was lost): a new Janus handle needs a new connection.
      for (const id of Object.values(this.owners)) this.callbacks.onGone(id);
      this.owners = {};
      this.sub.close();
      this.sub = null;
    }
    const pc = (this.sub ??= new RTCPeerConnection(this.rtc()));
    await pc.setRemoteDescription({ type: "offer", sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    this.send({ kind: "subscribe-answer", sdp: pc.localDescription!.sdp, offer });
    const before = this.owners;
    this.owners = { ...speakers };
    for (const [mid, id] of Object.entries(before)) if (speakers[mid] !== id && !Object.values(speakers).includes(id)) this.callbacks.onGone(id);
    for (const t of pc.getTransceivers()) {
      const id = t.mid === null ? undefined : speakers[t.mid];
      if (id && before[t.mid!] !== id) this.callbacks.onTrack(id, new MediaStream([t.receiver.track]));
    }
  }

  /** Negotiations run one after another, in arrival order. */
  private serial(step: () => Promise<void>): void {
    this.queue = this.queue.then(step).catch((e: unknown) => console.warn("voice (sfu): negotiation failed", e));
  }
}
