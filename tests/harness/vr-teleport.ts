import { waitForPage } from "./chromium.js";
import { hook, pageOf, waitFrames, type PageLike } from "./client-page.js";
import { sharpShot } from "./xr-render-size.js";

/**
 * Enters emulated VR (IWER), holds the right controller at the head's spot aimed 25° down along
 * `yawDeg` (0 looks along −z, 180 along +z), pulls the trigger, takes `screenshot` while the arc
 * shows, releases, and waits until the head has moved more than 1.2 m. Returns where the head was
 * and where it landed (world metres). The session stays in VR.
 */
export async function teleportInVr(who: PageLike, yawDeg: number, screenshot: string): Promise<{ start: number[]; landed: number[] }> {
  const page = pageOf(who);
  const start = await hook<number[]>(page, "otc.localHead()");
  const half = (yawDeg * Math.PI) / 360;
  const pitch = -0.2164; // sin(−12.5°): half of the 25° downward tilt
  const cp = Math.sqrt(1 - pitch * pitch);
  const q = [pitch * Math.cos(half), Math.sin(half) * cp, -Math.sin(half) * pitch, Math.cos(half) * cp]; // yaw(y) · pitch(x)
  await page.getByRole("button", { name: "Enter VR" }).click();
  await waitForPage(page, `window.__otc.xrStore.getState().session?.inputSources?.length === 2`, 60_000, "an immersive session with two controllers");
  const origin = await hook<number[]>(page, `[otc.localHead()[0] - otc.xrDevice.position.x, 0, otc.localHead()[2] - otc.xrDevice.position.z]`);
  await hook(page, `(otc.xrDevice.controllers.right.position.set(${start[0]! - origin[0]!}, 1.3, ${start[2]! - origin[2]!}), otc.xrDevice.controllers.right.quaternion.set(${q.join(", ")}), true)`);
  await waitFrames(page, 2);
  await hook(page, `(otc.xrDevice.controllers.right.updateButtonValue("trigger", 1), true)`);
  await waitFrames(page, 3);
  await sharpShot(page, screenshot);
  await hook(page, `(otc.xrDevice.controllers.right.updateButtonValue("trigger", 0), true)`);
  await waitForPage(page, `Math.hypot(${start[0]} - window.__otc.localHead()[0], ${start[2]} - window.__otc.localHead()[2]) > 1.2`, 20_000, "the teleport to move the head more than 1.2 m");
  return { start, landed: await hook<number[]>(page, "otc.localHead()") };
}
