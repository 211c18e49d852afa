import { createXRStore } from "@react-three/xr";
import type { XRDevice } from "iwer";
import type { Object3D } from "three";
import { RAY_TARGET_KEY } from "./ray-target.js";
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

/** Marks a group whose descendants the controller ray may press (in-world panels: the hand menu). */
export const WORLD_UI_KEY = "worldUi";

/** The one pointer path's filter: the ray reaches in-world panels and marked ray targets; boards and teleport yield to it through `rig.handsOnUi`. */
function onWorldUi(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (o.userData[WORLD_UI_KEY] === true || o.userData[RAY_TARGET_KEY] === true) return true;
  return false;
}

/** The ray and its cursor show only while they rest on a panel. */
const whileOnPanel = (pointer: { getIntersection(): unknown }) => (pointer.getIntersection() ? 0.6 : 0);

/**
 * Creates the XR store with comfortable defaults: controllers and hands drawn from profiles we
 * serve ourselves, one library pointer (the right controller's ray, for in-world panels only; teleport
 * and whiteboard rays are ours and yield to it through `rig.handsOnUi`),
 * and no browser-offered session or built-in emulator (the emulator would pull in a CDN-loaded UI).
 */
export async function createXrHandle(emulate: boolean): Promise<XrHandle> {
  const device = emulate ? await installEmulatedQuest3() : null;
  const store = createXRStore({
    emulate: false,
    offerSession: false,
    baseAssetPath: profilesBaseUrl(window.location.origin, import.meta.env.BASE_URL),
    // teleport is our own arc (locomotion/TeleportArc.tsx); no straight ray or grab yet: nothing to grab
    controller: {
      left: { teleportPointer: false, rayPointer: false, grabPointer: false },
      right: {
        teleportPointer: false,
        grabPointer: false,
        rayPointer: { filter: onWorldUi, rayModel: { opacity: whileOnPanel, color: "#9fe3ff" }, cursorModel: { opacity: whileOnPanel, color: "#9fe3ff" } },
      },
    },
    // Tracked hands: the right hand's ray presses panels with a pinch, like the right controller's trigger.
    hand: {
      left: { teleportPointer: false, rayPointer: false, grabPointer: false, touchPointer: false },
      right: { teleportPointer: false, grabPointer: false, touchPointer: false, rayPointer: { filter: onWorldUi, rayModel: { opacity: whileOnPanel, color: "#9fe3ff" }, cursorModel: { opacity: whileOnPanel, color: "#9fe3ff" } } },
    },
    frameRate: "high",
    foveation: 1,
  });
  return { store, device };
}
