import { createStore, type StoreApi } from "zustand/vanilla";
import { parseComfort, type ComfortSettings } from "./comfort-settings.js";

export interface ComfortState extends ComfortSettings {
  set(patch: Partial<ComfortSettings>): void;
}

export type ComfortStore = StoreApi<ComfortState>;

/** localStorage key of the comfort settings. */
export const COMFORT_KEY = "otc.comfort";

/** The few Storage methods used (a Map-backed fake in tests). */
export type ComfortStorage = Pick<Storage, "getItem" | "setItem">;

function load(storage: ComfortStorage | null): ComfortSettings {
  try {
    return parseComfort(JSON.parse(storage?.getItem(COMFORT_KEY) ?? "null"));
  } catch {
    return parseComfort(null); // unreadable JSON: the defaults
  }
}

/**
 * The comfort settings store: read once from `storage` (localStorage on the page), written back on
 * every change so the next session on this device starts with them. The hand menu's Comfort tab
 * writes it; VR locomotion and the menu read it each frame with `getState()`.
 */
export function createComfortStore(storage: ComfortStorage | null): ComfortStore {
  return createStore<ComfortState>()((set, get) => ({
    ...load(storage),
    set: (patch) => {
      set(patch);
      const { set: _omit, ...settings } = get();
      try {
        storage?.setItem(COMFORT_KEY, JSON.stringify(settings));
      } catch {
        // storage full or blocked (private mode): the choice still holds for this page
      }
    },
  }));
}

/** The page's localStorage, or null where it is blocked. */
export function pageStorage(): ComfortStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
