/** What the mic check remembers between visits: which microphone, and whether to join muted. */
export interface VoicePrefs {
  /** MediaDeviceInfo.deviceId of the chosen microphone; "" for the system default. */
  deviceId: string;
  joinMuted: boolean;
  /** Low-bandwidth mode for this room (from the join choice, never stored): Opus capped at LOW_BANDWIDTH_VOICE_BPS. */
  lowBandwidth?: boolean;
}

const KEY = "otc.voice";
export const DEFAULT_VOICE_PREFS: VoicePrefs = { deviceId: "", joinMuted: false };

export function loadVoicePrefs(storage: Pick<Storage, "getItem"> | undefined): VoicePrefs {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? "null");
    if (typeof parsed !== "object" || parsed === null) return DEFAULT_VOICE_PREFS;
    const { deviceId, joinMuted } = parsed as Record<string, unknown>;
    return {
      deviceId: typeof deviceId === "string" && deviceId.length <= 256 ? deviceId : "",
      joinMuted: joinMuted === true,
    };
  } catch {
    return DEFAULT_VOICE_PREFS;
  }
}

export function saveVoicePrefs(storage: Pick<Storage, "setItem"> | undefined, prefs: VoicePrefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ deviceId: prefs.deviceId, joinMuted: prefs.joinMuted }));
  } catch {
    // private mode or full storage: the choice lasts for this page only
  }
}
