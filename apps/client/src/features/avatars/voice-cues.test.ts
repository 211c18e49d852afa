import { describe, expect, it } from "vitest";
import { STALE_MS, VoiceCues } from "./voice-cues.js";

describe("voice cues", () => {
  it("forgets a level that stopped being reported", () => {
    let now = 0;
    const cues = new VoiceCues(() => now);
    cues.setSpeakingLevel("a", 0.6);
    expect(cues.levelOf("a")).toBe(0.6);
    now = STALE_MS + 1;
    expect(cues.levelOf("a")).toBe(0);
  });

  it("a pinned cue wins over measured reports until unpinned", () => {
    const cues = new VoiceCues(() => 0);
    cues.pin("a", { level: 0.7, muted: false });
    cues.setSpeakingLevel("a", 0.01);
    cues.setMuted("a", true);
    expect(cues.levelOf("a")).toBe(0.7);
    expect(cues.isMuted("a")).toBe(false);
    cues.pin("a", null);
    expect(cues.levelOf("a")).toBe(0.01);
    expect(cues.isMuted("a")).toBe(true);
  });
});
