import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import type { VoiceEngine } from "./voice-engine.js";
import type { VoiceUiState } from "./voice-ui-store.js";

export function useVoice(): VoiceEngine {
  return useSession().voice;
}

/** Selects discrete voice UI state (mute, lock, spatial, volumes) of the current session. */
export function useVoiceUi<T>(selector: (s: VoiceUiState) => T): T {
  return useStore(useVoice().ui, selector);
}
