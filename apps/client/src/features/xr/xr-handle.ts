import type { XRStore } from "@react-three/xr";
import type { XRDevice } from "iwer";

/** The session's XR store, and the emulated headset when the page runs with `?xr=emulate`. */
export interface XrHandle {
  store: XRStore;
  device: XRDevice | null;
}

/** True when the URL asks for the IWER-emulated Quest 3 used by the browser tests. */
export function wantsEmulation(search: string): boolean {
  return new URLSearchParams(search).get("xr") === "emulate";
}
