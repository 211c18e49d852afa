import { createXRStore } from "@react-three/xr";
import type { XRDevice } from "iwer";
import type { Object3D } from "three";
import { guardedController, guardedHand } from "./guarded-inputs.js";
import { BOARD_TARGET_KEY, RAY_TARGET_KEY } from "./ray-target.js";
import { withinRayReach } from "./ray-reach.js";
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

function marked(object: Object3D, keys: readonly string[]): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (keys.some((k) => o.userData[k] === true)) return true;
  return false;
}

/** The right ray's filter: in-world panels and marked ray targets (slide pages, whiteboards). */
const onWorldUi = (object: Object3D) => marked(object, [WORLD_UI_KEY, RAY_TARGET_KEY]);
/** The left ray's filter: whiteboards only, so it never lands on the menu on the left wrist. */
const onBoard = (object: Object3D) => marked(object, [BOARD_TARGET_KEY]);

/**
 * The ray and its cursor show only while they rest on something they can press: a panel or slide
 * page at any distance, a whiteboard within drawing reach (a farther board ignores the press). A ray
 * that meets nothing still has the library's "void" intersection, far away on no marked object: hidden.
 */
const whileOnTarget = (pointer: { getIntersection(): { object: Object3D; distance: number } | undefined }) => {
  const hit = pointer.getIntersection();
  if (!hit || !marked(hit.object, [WORLD_UI_KEY, RAY_TARGET_KEY, BOARD_TARGET_KEY])) return 0;
  return !marked(hit.object, [BOARD_TARGET_KEY]) || withinRayReach(hit.distance) ? 0.6 : 0;
};

function rayPointer(filter: (object: Object3D) => boolean) {
  return { filter, rayModel: { opacity: whileOnTarget, color: "#9fe3ff" }, cursorModel: { opacity: whileOnTarget, color: "#9fe3ff" } };
}

/**
 * Creates the XR store with comfortable defaults: controllers and hands drawn from profiles we
 * serve ourselves, and one pointer path: the library's ray pointers. The right ray (controller or
 * tracked hand) presses in-world panels, slide pages and whiteboards; the left ray draws on
 * whiteboards only. A press is the source's `select` (trigger or pinch). Teleport is our own arc and
 * yields to the rays through `rig.handsOnUi` and `rig.handsOnBoard`. No browser-offered session or
 * built-in emulator (the emulator would pull in a CDN-loaded UI).
 */
export async function createXrHandle(emulate: boolean): Promise<XrHandle> {
  const device = emulate ? await installEmulatedQuest3() : null;
  const store = createXRStore({
    emulate: false,
    offerSession: false,
    baseAssetPath: profilesBaseUrl(window.location.origin, import.meta.env.BASE_URL),
    // teleport is our own arc (locomotion/TeleportArc.tsx); no grab yet: nothing to grab
    // Each drawn by the library's default, guarded: a model that fails to load leaves the ray (guarded-inputs.tsx).
    controller: {
      left: guardedController({ teleportPointer: false, grabPointer: false, rayPointer: rayPointer(onBoard) }),
      right: guardedController({ teleportPointer: false, grabPointer: false, rayPointer: rayPointer(onWorldUi) }),
    },
    // Tracked hands: each hand's ray presses with a pinch, as its controller's trigger does.
    hand: {
      left: guardedHand({ teleportPointer: false, grabPointer: false, touchPointer: false, rayPointer: rayPointer(onBoard) }),
      right: guardedHand({ teleportPointer: false, grabPointer: false, touchPointer: false, rayPointer: rayPointer(onWorldUi) }),
    },
    frameRate: "high",
    foveation: 1,
  });
  return { store, device };
}
