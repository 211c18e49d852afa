import type { DistanceModel, Hearing, Vec3 } from "@otc/voice";
import { masterMixing } from "../a11y/a11y-settings.js";
import { rmsOf } from "./mic.js";

/** One remote speaker's chain: <audio muted> + source → in-analyser; source → gain → (panner | flat) → out-analyser → master. */
interface SpeakerChain {
  element: HTMLAudioElement;
  source: MediaStreamAudioSourceNode;
  input: AnalyserNode;
  gain: GainNode;
  panner: PannerNode;
  output: AnalyserNode;
  spatial: boolean;
}

/** Levels of one speaker: what arrives (before volume, zones, panning) and what the listener gets. */
export interface SpeakerLevels {
  input: number;
  output: number;
}

const FFT = 2048; // samples per analysis window (~43 ms at 48 kHz)
const GAIN_RAMP_S = 0.05; // seconds: avoids clicks when someone is muted or walks into a booth

/**
 * The listener's Web Audio graph: an HRTF PannerNode per remote speaker at their avatar's head, the
 * AudioListener at the local head, the room's distance model on every panner. Flat playback (spatial
 * off, auditorium presenters) bypasses the panner. Analysers before and after give levels that tests
 * and speaking cues read.
 */
export class SpatialAudio {
  readonly context: AudioContext;
  private readonly master: GainNode;
  private readonly speakers = new Map<string, SpeakerChain>();
  private readonly scratch = new Float32Array(FFT);

  /** Create it inside the Join click (a user gesture), so browsers let it play. */
  constructor(private distance: DistanceModel) {
    this.context = new AudioContext({ latencyHint: "interactive" });
    this.master = this.context.createGain();
    this.master.connect(this.context.destination);
  }

  /** Mono audio (accessibility): every voice downmixed to one channel at the master bus, heard the same in both ears. */
  setMono(mono: boolean): void {
    Object.assign(this.master, masterMixing(mono));
  }

  /** True while the master bus downmixes to mono. */
  get mono(): boolean {
    return this.master.channelCount === 1;
  }

  /** Resume after a user gesture, or after an XR session ended (some browsers suspend audio around it). */
  resume(): void {
    if (this.context.state !== "running") void this.context.resume().catch(() => undefined);
  }

  /** The room's distance model (known once the layout is loaded); applies to existing speakers too. */
  setDistanceModel(distance: DistanceModel): void {
    this.distance = distance;
    for (const s of this.speakers.values()) {
      s.panner.distanceModel = distance.model;
      s.panner.refDistance = distance.refDistance;
      s.panner.maxDistance = distance.maxDistance;
    }
  }

  addSpeaker(id: string, stream: MediaStream): void {
    this.removeSpeaker(id);
    // Chromium feeds Web Audio silence from a remote stream that no media element plays.
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    const ctx = this.context;
    const source = ctx.createMediaStreamSource(stream);
    const input = ctx.createAnalyser();
    input.fftSize = FFT;
    const gain = ctx.createGain();
    const panner = new PannerNode(ctx, {
      panningModel: "HRTF",
      distanceModel: this.distance.model,
      refDistance: this.distance.refDistance,
      maxDistance: this.distance.maxDistance,
      rolloffFactor: this.distance.rolloffFactor,
    });
    const output = ctx.createAnalyser();
    output.fftSize = FFT;
    source.connect(input);
    source.connect(gain);
    gain.connect(panner).connect(output);
    output.connect(this.master);
    this.speakers.set(id, { element, source, input, gain, panner, output, spatial: true });
  }

  removeSpeaker(id: string): void {
    const s = this.speakers.get(id);
    if (!s) return;
    s.source.disconnect();
    s.gain.disconnect();
    s.panner.disconnect();
    s.output.disconnect();
    s.element.srcObject = null;
    this.speakers.delete(id);
  }

  has(id: string): boolean {
    return this.speakers.has(id);
  }

  /** Places the listener at the local head; `q` is the head rotation quaternion (x, y, z, w). */
  setListener(p: Vec3, q: readonly [number, number, number, number]): void {
    const [x, y, z, w] = q;
    // forward = q·(0,0,−1), up = q·(0,1,0)
    const fx = -2 * (x * z + w * y), fy = -2 * (y * z - w * x), fz = -(1 - 2 * (x * x + y * y));
    const ux = 2 * (x * y - w * z), uy = 1 - 2 * (x * x + z * z), uz = 2 * (y * z + w * x);
    const l = this.context.listener;
    l.positionX.value = p[0];
    l.positionY.value = p[1];
    l.positionZ.value = p[2];
    l.forwardX.value = fx;
    l.forwardY.value = fy;
    l.forwardZ.value = fz;
    l.upX.value = ux;
    l.upY.value = uy;
    l.upZ.value = uz;
  }

  /**
   * Applies how the listener hears this speaker now: position, spatial or flat, attenuation, and the
   * level (0 for muted people, other zones and local mute; the person's volume otherwise).
   */
  setSpeaker(id: string, head: Vec3, hearing: Hearing, level: number): void {
    const s = this.speakers.get(id);
    if (!s) return;
    s.panner.positionX.value = head[0];
    s.panner.positionY.value = head[1];
    s.panner.positionZ.value = head[2];
    const spatial = hearing.audible && hearing.spatial;
    if (spatial !== s.spatial) {
      s.gain.disconnect();
      s.gain.connect(spatial ? s.panner : s.output);
      s.spatial = spatial;
    }
    // Presenters are panned but never attenuated: rolloff 0 keeps the inverse model at full level.
    const rolloff = hearing.audible && hearing.attenuate ? this.distance.rolloffFactor : 0;
    if (s.panner.rolloffFactor !== rolloff) s.panner.rolloffFactor = rolloff;
    const target = hearing.audible ? level : 0;
    s.gain.gain.setTargetAtTime(target, this.context.currentTime, GAIN_RAMP_S / 3);
  }

  levels(id: string): SpeakerLevels | undefined {
    const s = this.speakers.get(id);
    return s && { input: rmsOf(s.input, this.scratch), output: rmsOf(s.output, this.scratch) };
  }

  ids(): string[] {
    return [...this.speakers.keys()];
  }

  close(): void {
    for (const id of this.ids()) this.removeSpeaker(id);
    void this.context.close().catch(() => undefined);
  }
}
