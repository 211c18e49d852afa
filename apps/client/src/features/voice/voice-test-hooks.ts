import type { InboundStats } from "./mesh-transport.js";
import type { VoiceEngine } from "./voice-engine.js";
import type { VoiceCue } from "./voice-levels.js";

/** Per remote speaker: RTP counters and levels before (input) and after (output) volume, zones and the panner. */
export type VoicePeerReport = InboundStats & { input: number; output: number };

/** Read-only voice view for browser tests and benchmarks (`window.__otc.voice`). */
export interface VoiceTestHooks {
  readonly mic: string;
  /** Whether the microphone track is open now (closed once the page is out of the session). */
  readonly micLive: boolean;
  readonly muted: boolean;
  readonly transport: string;
  cues(): Record<string, VoiceCue>;
  peers(): Promise<VoicePeerReport[]>;
  readonly audioState: string;
  /** True while the listener's master bus downmixes to mono (accessibility setting). */
  readonly mono: boolean;
  /** The microphone track's id ("" before it is open): the same through a room switch (no second getUserMedia). */
  readonly micTrackId: string;
  /** SFU: ms from each subscription offer's arrival to our answer. */
  answerMs(): number[];
  /**
   * Behaves like a modified client that ignores mute: forces the mic track on and asks the server
   * to unmute. Proves enforcement happens where the transport allows it (the SFU), not in this UI.
   */
  simulateModifiedClientUnmute(): void;
}

export function voiceTestHooks(voice: VoiceEngine): VoiceTestHooks {
  return {
    get mic() {
      return voice.ui.getState().mic;
    },
    get micLive() {
      return voice.micLive;
    },
    get muted() {
      return voice.ui.getState().muted;
    },
    get transport() {
      return voice.ui.getState().transport;
    },
    get audioState() {
      return voice.audio.context.state;
    },
    get mono() {
      return voice.audio.mono;
    },
    get micTrackId() {
      return voice.micTrack?.id ?? "";
    },
    simulateModifiedClientUnmute() {
      const track = voice.micTrack;
      if (track) window.setInterval(() => (track.enabled = true), 20);
      voice.requestUnmute();
    },
    answerMs: () => [...voice.answerMs],
    cues: () => Object.fromEntries(voice.levels.ids().map((id) => [id, voice.levels.get(id)!])),
    async peers() {
      const stats = await voice.stats();
      return stats.map((s) => ({ ...s, ...(voice.audio.levels(s.id) ?? { input: 0, output: 0 }) }));
    },
  };
}
