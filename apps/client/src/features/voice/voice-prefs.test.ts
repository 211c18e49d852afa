import { describe, expect, it } from "vitest";
import { DEFAULT_VOICE_PREFS, loadVoicePrefs, saveVoicePrefs } from "./voice-prefs.js";

function memory(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) } as Storage;
}

describe("voice prefs", () => {
  it("remember the microphone and the join-muted choice", () => {
    const s = memory();
    saveVoicePrefs(s, { deviceId: "abc", joinMuted: true });
    expect(loadVoicePrefs(s)).toEqual({ deviceId: "abc", joinMuted: true });
  });
  it("fall back to the default microphone, unmuted, on garbage", () => {
    const s = memory();
    s.setItem("otc.voice", "{nope");
    expect(loadVoicePrefs(s)).toEqual(DEFAULT_VOICE_PREFS);
    s.setItem("otc.voice", JSON.stringify({ deviceId: 3, joinMuted: "yes" }));
    expect(loadVoicePrefs(s)).toEqual(DEFAULT_VOICE_PREFS);
  });
});
