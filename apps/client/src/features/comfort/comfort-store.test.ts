import { describe, expect, it } from "vitest";
import { DEFAULT_COMFORT, parseComfort } from "./comfort-settings.js";
import { COMFORT_KEY, createComfortStore, type ComfortStorage } from "./comfort-store.js";

function memory(initial?: string): ComfortStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(COMFORT_KEY, initial);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("comfort settings", () => {
  it("start as teleport, 30° snap, menu at the wrist, when nothing is stored", () => {
    expect(parseComfort(null)).toEqual(DEFAULT_COMFORT);
    expect(DEFAULT_COMFORT.locomotion).toBe("teleport");
    expect(DEFAULT_COMFORT.turn).toBe(30);
  });

  it("keep each stored field that is an offered choice and drop the others", () => {
    expect(parseComfort({ locomotion: "smooth", speed: 3, vignette: 7, turn: "smooth", menuScale: 1.25, menuDistance: "far" })).toEqual({
      ...DEFAULT_COMFORT,
      locomotion: "smooth",
      speed: 3,
      turn: "smooth",
      menuScale: 1.25,
    });
    expect(parseComfort({ turn: 60, locomotion: "fly" })).toEqual(DEFAULT_COMFORT);
  });

  it("survive a reload: a change is written to storage and read by the next store", () => {
    const storage = memory();
    const a = createComfortStore(storage);
    a.getState().set({ locomotion: "smooth", turn: 90, vignette: 0 });
    const b = createComfortStore(storage);
    expect(b.getState()).toMatchObject({ locomotion: "smooth", turn: 90, vignette: 0, speed: DEFAULT_COMFORT.speed });
    expect(JSON.parse(storage.data.get(COMFORT_KEY)!)).not.toHaveProperty("set");
  });

  it("fall back to the defaults on unreadable storage, and keep working when storage refuses writes", () => {
    expect(createComfortStore(memory("{not json")).getState().locomotion).toBe("teleport");
    const full: ComfortStorage = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    const s = createComfortStore(full);
    s.getState().set({ speed: 2 });
    expect(s.getState().speed).toBe(2);
    expect(createComfortStore(null).getState()).toMatchObject(DEFAULT_COMFORT);
  });
});
