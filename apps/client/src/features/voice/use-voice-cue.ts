import { useSyncExternalStore } from "react";
import { useVoice } from "./use-voice.js";
import type { VoiceCue } from "./voice-levels.js";

const SILENT: VoiceCue = { level: 0, speaking: false, muted: true, presenter: false };

/** One person's speaking/muted cue for DOM panels; re-renders only when it changes meaningfully. */
export function useVoiceCue(id: string): VoiceCue {
  const { levels } = useVoice();
  return useSyncExternalStore(
    (onChange) => levels.subscribe((who) => who === id && onChange()),
    () => levels.get(id) ?? SILENT,
  );
}
