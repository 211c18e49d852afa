import type { DeviceKind } from "@otc/contract";

/** CSS pixels: a touch screen whose shorter side reaches this is a tablet (an iPad mini is 744, large phones stay under 440). */
export const TABLET_MIN_SIDE = 600;

/**
 * What a screen without a headset is: a computer (a fine pointer: mouse or trackpad), else a
 * phone or a tablet by the screen's shorter side, whichever way it is held.
 */
export function screenDeviceKind(coarsePointer: boolean, screenWidth: number, screenHeight: number): Exclude<DeviceKind, "vr"> {
  if (!coarsePointer) return "desktop";
  return Math.min(screenWidth, screenHeight) >= TABLET_MIN_SIDE ? "tablet" : "phone";
}

/** This browser's device outside VR: desktop, phone or tablet (the join and the people list say so). */
export function thisScreenDevice(): Exclude<DeviceKind, "vr"> {
  const coarse = typeof window.matchMedia === "function" && window.matchMedia("(pointer: coarse)").matches;
  return screenDeviceKind(coarse, window.screen.width, window.screen.height);
}
