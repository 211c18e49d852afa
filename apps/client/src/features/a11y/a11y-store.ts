import { createStore, type StoreApi } from "zustand/vanilla";
import { parseA11y, type A11ySettings } from "./a11y-settings.js";

export interface A11yState extends A11ySettings {
  set(patch: Partial<A11ySettings>): void;
}

export type A11yStore = StoreApi<A11yState>;

/** localStorage key of the accessibility settings. */
export const A11Y_KEY = "otc.a11y";

export type A11yStorage = Pick<Storage, "getItem" | "setItem">;

function load(storage: A11yStorage | null): A11ySettings {
  try {
    return parseA11y(JSON.parse(storage?.getItem(A11Y_KEY) ?? "null"));
  } catch {
    return parseA11y(null);
  }
}

/**
 * The accessibility settings store: read once from `storage` (the page's localStorage), written back
 * on every change, like the comfort and language choices. The desktop menu and the VR Me tab write
 * it; voice, avatars, locomotion and notices read it.
 */
export function createA11yStore(storage: A11yStorage | null): A11yStore {
  return createStore<A11yState>()((set, get) => ({
    ...load(storage),
    set: (patch) => {
      set(patch);
      const { set: _omit, ...settings } = get();
      try {
        storage?.setItem(A11Y_KEY, JSON.stringify(settings));
      } catch {
        // storage blocked or full: the choice holds for this page
      }
    },
  }));
}
