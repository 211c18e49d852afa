import { createXRStore } from "@react-three/xr";
import type { XRDevice } from "iwer";
import type { XrHandle } from "./xr-handle.js";

/** Where our own copy of the controller/hand profiles is served (see vite/xr-profiles-plugin.ts). */
export function profilesBaseUrl(origin: string, base: string): string {
  return new URL(`${base.replace(/\/?$/, "/")}xr-profiles/`, origin).href;
}

/** Installs IWER's Quest 3 over the browser's WebXR; loaded only for `?xr=emulate`. */
async function installEmulatedQuest3(): Promise<XRDevice> {
  const { XRDevice, metaQuest3 } = await import("iwer");
  const device = new XRDevice(metaQuest3, { stereoEnabled: false });
  device.installRuntime({ forceInstall: true });
  return device;
}

/**
 * Creates the XR store with comfortable defaults: controllers and hands drawn from profiles we
 * serve ourselves, no library pointers (teleport is ours),
 * and no browser-offered session or built-in emulator (the emulator would pull in a CDN-loaded UI).
 */
export async function createXrHandle(emulate: boolean): Promise<XrHandle> {
  const device = emulate ? await installEmulatedQuest3() : null;
  const store = createXRStore({
    emulate: false,
    offerSession: false,
    baseAssetPath: profilesBaseUrl(window.location.origin, import.meta.env.BASE_URL),
    // teleport is our own arc (locomotion/TeleportArc.tsx); no straight ray or grab yet: nothing to grab
    controller: { teleportPointer: false, rayPointer: false, grabPointer: false },
    hand: { teleportPointer: false, rayPointer: false, grabPointer: false, touchPointer: false },
    frameRate: "high",
    foveation: 1,
  });
  return { store, device };
}
