import { describe, expect, it } from "vitest";
import { loadJoinPrefs, saveJoinPrefs, sessionIdFromPath } from "./join-prefs.js";

describe("sessionIdFromPath", () => {
  it("reads /s/<id>", () => expect(sessionIdFromPath("/s/safety-101")).toBe("safety-101"));
  it("defaults to demo at the root and for invalid ids", () => {
    expect(sessionIdFromPath("/")).toBe("demo");
    expect(sessionIdFromPath("/s/Not Valid!")).toBe("demo");
  });
});

describe("join prefs", () => {
  it("round-trips name and colour", () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    saveJoinPrefs(storage, { name: "Ada", colour: "#d1495b" });
    expect(loadJoinPrefs(storage)).toEqual({ name: "Ada", colour: "#d1495b" });
  });
  it("ignores garbage", () => {
    expect(loadJoinPrefs({ getItem: () => "{not json" }).name).toBe("");
    expect(loadJoinPrefs({ getItem: () => JSON.stringify({ colour: "red" }) }).colour).toMatch(/^#/);
  });
});
