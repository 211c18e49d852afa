import { ClientMessage, ServerMessage, relayedVoiceSignalSchema, voiceSfuServerSchema, type RoomLayout, type TrainingState, type VoiceModerateMessage } from "@otc/contract";
import { can } from "@otc/roles";
import { hearing, isPresenting, voiceRulesFor, type Vec3, type VoiceRules } from "@otc/voice";
import type { TrainingRoom } from "../connection/join-room.js";
import type { SpatialAudio } from "./audio-graph.js";
import { MeshTransport } from "./mesh-transport.js";
import { rtcConfigurationOf } from "./rtc-configuration.js";
import { SfuTransport } from "./sfu-transport.js";
import type { TransportCallbacks, VoiceTransport } from "./voice-transport.js";
import { SPEAKING_RMS, openMicrophone, rmsOf } from "./mic.js";
import { createVoiceLevels, type VoiceLevels } from "./voice-levels.js";
import type { VoicePrefs } from "./voice-prefs.js";
import { createVoiceUiStore, type VoiceUiStore } from "./voice-ui-store.js";

const LEVEL_INTERVAL_MS = 100; // speaking cues at 10 Hz

/**
 * One session's voice: the microphone (asked once), the transport (mesh), the spatial audio graph,
 * the speaking/muted store, and the room's voice state. Created right after the join so no offer
 * from a peer is missed; `tick` runs every frame with the local head and the avatars' heads.
 */
export class VoiceEngine {
  readonly levels: VoiceLevels = createVoiceLevels();
  readonly ui: VoiceUiStore;
  private readonly transport: VoiceTransport;
  private mic: MediaStream | null = null;
  /** Set by `close()`: a microphone that opens afterwards is stopped at once. */
  private closed = false;
  /** The one getUserMedia of this page (or of the engine this one took over from, see `handOver`). */
  private opened: Promise<MediaStream> | null = null;
  private micMeter: AnalyserNode | null = null;
  private micSource: MediaStreamAudioSourceNode | null = null;
  private readonly scratch = new Float32Array(1024);
  private wantMuted: boolean;
  private rules: VoiceRules = voiceRulesFor(undefined);
  private layout: RoomLayout | null = null;
  private readonly lastHeads = new Map<string, Vec3>();
  private lastLevelsAt = -Infinity;
  private readonly detach: () => void;
  /** Low-bandwidth mode now: the join's choice, then whatever the person switched to in the room. */
  private low: boolean;

  constructor(
    private readonly room: TrainingRoom,
    readonly audio: SpatialAudio,
    private readonly prefs: VoicePrefs,
    /** Where the microphone comes from; another room's engine hands its own over (no second prompt). */
    private readonly openMic: () => Promise<MediaStream> = () => openMicrophone(prefs.deviceId).catch(() => openMicrophone("")),
  ) {
    this.wantMuted = prefs.joinMuted;
    this.ui = createVoiceUiStore(true);
    const tracks: TransportCallbacks = {
      onTrack: (id, stream) => audio.addSpeaker(id, stream),
      onGone: (id) => {
        audio.removeSpeaker(id);
        this.levels.remove(id);
      },
    };
    const low = prefs.lowBandwidth === true;
    this.low = low;
    // The server decides the transport before the first state reaches us; it does not change.
    let offSignal: () => void;
    if (room.state.voiceTransport === "sfu") {
      const sfu = new SfuTransport((m) => room.send(ClientMessage.voiceSfu, m), tracks, () => rtcConfigurationOf(room.state), low);
      this.transport = sfu;
      offSignal = room.onMessage(ServerMessage.voiceSfu, (raw: unknown) => {
        const message = voiceSfuServerSchema.safeParse(raw);
        if (message.success) sfu.receive(message.data);
      });
    } else {
      const mesh = new MeshTransport(room.sessionId, { ...tracks, send: (signal) => room.send(ClientMessage.voiceSignal, signal) }, () => rtcConfigurationOf(room.state), low);
      this.transport = mesh;
      offSignal = room.onMessage(ServerMessage.voiceSignal, (raw: unknown) => {
        const signal = relayedVoiceSignalSchema.safeParse(raw);
        if (signal.success) void mesh.receive(signal.data).catch(() => undefined);
      });
    }
    const sync = (state: TrainingState) => this.syncState(state);
    room.onStateChange(sync);
    this.syncState(room.state);
    this.detach = () => {
      offSignal();
      room.onStateChange.remove(sync);
    };
  }

  get selfId(): string {
    return this.room.sessionId;
  }

  /** Asks for the microphone (once per page; the mic check usually already has permission). */
  async start(): Promise<void> {
    try {
      this.opened = this.openMic();
      this.mic = await this.opened;
    } catch {
      this.ui.setState({ mic: "denied" });
      return;
    }
    if (this.closed) {
      // closed while the browser was still opening the microphone (the page left the session): let go of it
      for (const t of this.mic.getTracks()) t.stop();
      return;
    }
    const track = this.mic.getAudioTracks()[0] ?? null;
    this.micMeter = this.audio.context.createAnalyser();
    this.micMeter.fftSize = this.scratch.length;
    this.micSource = this.audio.context.createMediaStreamSource(this.mic);
    this.micSource.connect(this.micMeter);
    this.transport.setTrack(track);
    this.ui.setState({ mic: "live" });
    this.room.send(ClientMessage.voiceMute, { muted: this.wantMuted });
    this.applyTrackEnabled();
  }

  /** Low-bandwidth mode switched in the room: the server thins presence and voices for us; the transport lowers the voice. */
  setLowBandwidth(low: boolean): void {
    this.low = low;
    this.room.send(ClientMessage.bandwidthSet, { mode: low ? "low" : "normal" });
    this.transport.setLowBandwidth(low);
  }

  setLayout(layout: RoomLayout): void {
    this.layout = layout;
    this.rules = voiceRulesFor(layout.voice, this.room.state.spatialAudio);
    this.audio.setDistanceModel(this.rules.distance);
    this.ui.setState({ zones: layout.voice?.zones?.length ?? 0 });
  }

  /** Mute button, M key, VR button: asks the server; a mute lock refuses the unmute. */
  toggleMute(): void {
    this.setMuted(!this.ui.getState().muted);
  }

  setMuted(muted: boolean): void {
    this.wantMuted = muted;
    this.applyTrackEnabled();
    if (this.ui.getState().mic === "live") this.room.send(ClientMessage.voiceMute, { muted });
  }

  moderate(action: VoiceModerateMessage): void {
    this.room.send(ClientMessage.voiceModerate, action);
  }

  setSelfSpatial(on: boolean): void {
    this.ui.setState({ selfSpatial: on });
  }

  setVolume(id: string, volume: number): void {
    this.ui.setState((s) => ({ volumes: { ...s.volumes, [id]: Math.min(Math.max(volume, 0), 2) } }));
  }

  setLocalMuted(id: string, muted: boolean): void {
    this.ui.setState((s) => ({ localMuted: { ...s.localMuted, [id]: muted } }));
  }

  /** Every frame: listener at the local head, each speaker at their avatar's head; cues at 10 Hz. */
  tick(head: Vec3, headRotation: readonly [number, number, number, number], headOf: (id: string) => Vec3 | undefined, nowMs: number): void {
    const { participants } = this.room.state;
    const ui = this.ui.getState();
    this.audio.setListener(head, headRotation);
    for (const id of this.audio.ids()) {
      const p = participants.get(id);
      const at = headOf(id) ?? this.lastHeads.get(id);
      if (!p || !at) continue;
      this.lastHeads.set(id, at);
      const h = hearing(head, { id, head: at, presenter: p.presenter }, this.rules, ui.selfSpatial);
      const level = p.muted || ui.localMuted[id] ? 0 : (ui.volumes[id] ?? 1);
      this.audio.setSpeaker(id, at, h, level);
    }
    if (nowMs - this.lastLevelsAt < LEVEL_INTERVAL_MS) return;
    this.lastLevelsAt = nowMs;
    for (const id of this.audio.ids()) {
      const p = participants.get(id);
      const level = this.audio.levels(id)?.input ?? 0;
      if (p) this.levels.set(id, { level, speaking: !p.muted && level > SPEAKING_RMS, muted: p.muted, presenter: isPresenting({ id, head: this.lastHeads.get(id) ?? [0, 0, 0], presenter: p.presenter }, this.rules) });
    }
    const own = this.micMeter && !ui.muted ? rmsOf(this.micMeter, this.scratch) : 0;
    this.levels.set(this.selfId, { level: own, speaking: own > SPEAKING_RMS, muted: ui.muted, presenter: isPresenting({ id: this.selfId, head, presenter: participants.get(this.selfId)?.presenter ?? false }, this.rules) });
  }

  async stats() {
    return this.transport.stats();
  }

  /** SFU answer times so far, ms (see VoiceTransport.answerMs). */
  get answerMs(): readonly number[] {
    return this.transport.answerMs;
  }

  /** The live microphone track (test hooks simulate a modified client with it). */
  get micTrack(): MediaStreamTrack | null {
    return this.mic?.getAudioTracks()[0] ?? null;
  }

  /** Asks the server to unmute without changing local intent (what a modified client would send). */
  requestUnmute(): void {
    this.room.send(ClientMessage.voiceMute, { muted: false });
  }

  /**
   * The same person's voice in another room (a door; later a breakout room): a new engine on `room`
   * with this engine's microphone stream and audio graph, muted as this person is now. Call
   * `start()` on it right away (no prompt: the stream is reused), then `release()` this one.
   */
  handOver(room: TrainingRoom): VoiceEngine {
    const opened = this.opened;
    const mic = opened ? () => opened : undefined;
    const next = new VoiceEngine(room, this.audio, { ...this.prefs, lowBandwidth: this.low, joinMuted: this.ui.getState().muted || this.wantMuted }, mic);
    next.ui.setState({ selfSpatial: this.ui.getState().selfSpatial });
    return next;
  }

  /** Leaves this room's voice (peers, signalling) but keeps the microphone and the audio graph for the engine that took over. */
  release(): void {
    this.detach();
    this.transport.close();
    this.micSource?.disconnect();
  }

  /** Whether the microphone is open (a live track): false before it opens and after `close()`. */
  get micLive(): boolean {
    return this.mic?.getTracks().some((t) => t.readyState === "live") ?? false;
  }

  /** Ends this engine for good; a second call (Leave, then the page noticing it is out) does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    this.transport.close();
    this.audio.close();
    for (const t of this.mic?.getTracks() ?? []) t.stop();
  }

  private syncState(state: TrainingState): void {
    const connected = new Set<string>();
    state.participants.forEach((p, id) => {
      if (p.connected && id !== this.selfId) connected.add(id);
    });
    this.transport.sync(connected);
    const self = state.participants.get(this.selfId);
    const muted = self?.muted ?? true;
    if (this.layout && state.spatialAudio !== this.rules.spatial) this.rules = { ...this.rules, spatial: state.spatialAudio };
    // A facilitator's mute wins over what this person last asked for.
    const forced = muted && !this.ui.getState().muted && !this.wantMuted;
    if (muted && !this.ui.getState().muted) this.wantMuted = true;
    const forcedMutes = this.ui.getState().forcedMutes + (forced ? 1 : 0);
    this.ui.setState({ muted, forcedMutes, muteLocked: state.muteLocked, moderator: can(self?.role ?? "", "moderate"), roomSpatial: state.spatialAudio, transport: state.voiceTransport === "sfu" ? "sfu" : "mesh", people: connected.size + 1 });
    this.applyTrackEnabled();
  }

  /** The mic track carries audio only when this person wants to talk and the server agrees. */
  private applyTrackEnabled(): void {
    const track = this.mic?.getAudioTracks()[0];
    if (track) track.enabled = !this.wantMuted && !this.ui.getState().muted;
  }
}
