import { notice, type Notice, type RelayedVoiceSignal, type TrainingState, type VoiceModerateMessage, type VoiceMuteMessage, type VoiceRoomLayout, type VoiceSfuClientMessage, type VoiceSignal } from "@otc/contract";
import { voiceRulesFor, type Vec3 } from "@otc/voice";
import type { Parsed } from "../../parsed.js";
import { SignalRelay } from "./signal-relay.js";
import type { SfuVoice } from "./sfu/sfu-voice.js";
import { VoiceModeration } from "./voice-moderation.js";
import { createVoiceStats, type VoiceStats } from "./voice-stats.js";

/** What the voice feature needs from its room. */
export interface VoiceRoomPort {
  state: TrainingState;
  /** Sends a relayed signal to one connected client; false when that client is not connected. */
  sendSignal(to: string, message: RelayedVoiceSignal): boolean;
  notify(id: string, notice: Notice): void;
  log(line: string): void;
}

/**
 * The voice capability of one training room: mesh signalling relay or the SFU bridge, mute and
 * moderation, and the head positions subscription selection needs. The room forwards the voice
 * messages here and tells it who joined, moved and left.
 */
export class VoiceFeature {
  readonly stats: VoiceStats = createVoiceStats();
  readonly heads = new Map<string, Vec3>();
  private readonly relay: SignalRelay;
  private readonly moderation: VoiceModeration;
  private sfu: SfuVoice | null = null;

  constructor(
    private readonly port: VoiceRoomPort,
    readonly layout: VoiceRoomLayout | undefined,
  ) {
    this.relay = new SignalRelay((id) => port.state.participants.get(id)?.connected === true, this.stats);
    this.moderation = new VoiceModeration(port.state, this.stats, (changes) => {
      for (const c of changes) if (c.kind === "muted") void this.sfu?.room.setMuted(c.id, c.muted);
    });
    port.state.voiceTransport = "mesh";
  }

  /** Switches this room to the SFU (called once, right after creation, when Janus is available). */
  useSfu(sfu: SfuVoice): void {
    this.sfu = sfu;
    this.port.state.voiceTransport = "sfu";
  }

  rules() {
    return voiceRulesFor(this.layout, this.port.state.spatialAudio);
  }

  join(id: string, slot: number, head: Vec3): void {
    this.heads.set(id, head);
    this.sfu?.room.join(id, slot);
  }

  setHead(id: string, head: Vec3): void {
    this.heads.set(id, head);
  }

  signal(from: string, parsed: Parsed<VoiceSignal>, nowMs: number): void {
    const outcome = this.relay.receive(from, parsed, nowMs);
    if ("to" in outcome) {
      if (!this.port.sendSignal(outcome.to, outcome.message)) this.stats.dropped.unknownPeer++;
    } else if (outcome.dropped === "invalid") {
      this.port.notify(from, notice("voice-invalid", { detail: outcome.detail ?? "" }));
    }
  }

  sfuMessage(from: string, parsed: Parsed<VoiceSfuClientMessage>): void {
    if (!parsed.ok || !this.sfu) {
      this.stats.dropped.invalid++;
      return;
    }
    this.sfu.receive(from, parsed.value).catch((e: Error) => this.port.log(`voice: sfu ${parsed.value.kind} from ${from} failed: ${e.message}`));
  }

  /** Subscription selection round (SFU only); the room calls it once a second. */
  tick(): void {
    this.sfu?.tick().catch((e: Error) => this.port.log(`voice: selection failed: ${e.message}`));
  }

  mute(id: string, parsed: Parsed<VoiceMuteMessage>): void {
    const notice = this.moderation.selfMute(id, parsed);
    if (notice) this.port.notify(id, notice);
  }

  moderate(id: string, parsed: Parsed<VoiceModerateMessage>): void {
    const notice = this.moderation.moderate(id, parsed);
    if (notice) this.port.notify(id, notice);
  }

  /** Back within the window: an SFU offer sent while the socket was down was lost, so start afresh. */
  reconnected(id: string): void {
    void this.sfu?.room.restartSubscription(id);
  }

  leave(id: string): void {
    this.relay.forget(id);
    this.heads.delete(id);
    void this.sfu?.leave(id);
  }

  async close(): Promise<void> {
    await this.sfu?.room.close();
  }
}
