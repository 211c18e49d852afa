import { describe, expect, it } from "vitest";
import { createVoiceLevels, type VoiceCue } from "./voice-levels.js";

const quiet: VoiceCue = { level: 0, speaking: false, muted: false, presenter: false };

describe("voice levels store", () => {
  it("tells subscribers when someone starts talking or mutes, not on every tiny level change", () => {
    const levels = createVoiceLevels();
    const heard: Array<[string, boolean, boolean]> = [];
    const off = levels.subscribe((id, c) => heard.push([id, c.speaking, c.muted]));
    levels.set("a", quiet);
    levels.set("a", { ...quiet, level: 0.001 });
    levels.set("a", { ...quiet, level: 0.1, speaking: true });
    levels.set("a", { ...quiet, muted: true });
    off();
    levels.set("a", quiet);
    expect(heard).toEqual([["a", false, false], ["a", true, false], ["a", false, true]]);
    expect(levels.get("a")).toEqual(quiet);
  });
});
