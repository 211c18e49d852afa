/** What a person's voice looks like right now, for avatar cues and the people panel. */
export interface VoiceCue {
  /** Recent audio level, RMS 0..1, measured on the real audio (the remote track, or one's own mic). */
  level: number;
  speaking: boolean;
  muted: boolean;
  presenter: boolean;
}

export type VoiceLevelsListener = (id: string, cue: VoiceCue) => void;

/**
 * The speaking/muted store avatars and panels read. Written by the voice engine about 10 times a
 * second; readers either poll `get(id)` each frame (avatars: no React) or `subscribe` for changes
 * (panels). `subscribe` returns the unsubscribe function; listeners get the person's id and cue.
 */
export interface VoiceLevels {
  get(id: string): VoiceCue | undefined;
  ids(): string[];
  subscribe(listener: VoiceLevelsListener): () => void;
  set(id: string, cue: VoiceCue): void;
  remove(id: string): void;
}

const SAME_LEVEL = 0.002;

export function createVoiceLevels(): VoiceLevels {
  const cues = new Map<string, VoiceCue>();
  const listeners = new Set<VoiceLevelsListener>();
  return {
    get: (id) => cues.get(id),
    ids: () => [...cues.keys()],
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(id, cue) {
      const old = cues.get(id);
      const same =
        old && old.speaking === cue.speaking && old.muted === cue.muted && old.presenter === cue.presenter && Math.abs(old.level - cue.level) < SAME_LEVEL;
      cues.set(id, cue);
      if (!same) for (const l of listeners) l(id, cue);
    },
    remove(id) {
      cues.delete(id);
    },
  };
}
