import { describe, expect, it } from "vitest";
import { loadAvatarPrefs, saveAvatarPrefs } from "./appearance-prefs.js";

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe("avatar prefs on this browser", () => {
  it("remember the look and the uploaded model", () => {
    const s = memory();
    const prefs = { appearance: { body: "slim", skin: "#4e2f1f", hair: "cap", hairColour: "#aa3300", clothing: "#123456" } as const, model: { hash: "a".repeat(64), name: "me.vrm" } };
    saveAvatarPrefs(s, prefs);
    expect(loadAvatarPrefs(s)).toEqual(prefs);
  });
  it("ignore anything tampered with", () => {
    const s = memory();
    s.setItem("otc.avatar", JSON.stringify({ appearance: { body: "huge" }, model: { hash: "../../x" } }));
    expect(loadAvatarPrefs(s)).toEqual({ appearance: null, model: null });
    s.setItem("otc.avatar", "{oops");
    expect(loadAvatarPrefs(s)).toEqual({ appearance: null, model: null });
  });
});
