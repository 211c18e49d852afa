import { waitForPage } from "./chromium.js";
import { hook, pageOf, type PageLike } from "./client-page.js";

/**
 * In emulated VR (IWER), walks the headset in the play space so the head stands at world (x, z),
 * as a person walking in their room would (no teleport), and waits until the client resolved it
 * there. The XR origin's pose is read from the page, so any turn or teleport before is allowed for.
 */
export async function walkHeadTo(who: PageLike, x: number, z: number, timeoutMs = 120_000): Promise<void> {
  await hook(
    who,
    `(() => {
      const o = otc.xrOrigin(); const [qx, qy, qz, qw] = o.q;
      const yaw = Math.atan2(2 * (qw * qy + qx * qz), 1 - 2 * (qx * qx + qy * qy));
      const dx = ${x} - o.p[0], dz = ${z} - o.p[2];
      // world → play space: rotate by −yaw about +y
      otc.xrDevice.position.set(dx * Math.cos(yaw) - dz * Math.sin(yaw), 1.6, dx * Math.sin(yaw) + dz * Math.cos(yaw));
      return true;
    })()`,
  );
  await waitForPage(pageOf(who), `Math.hypot(window.__otc.localHead()[0] - ${x}, window.__otc.localHead()[2] - ${z}) < 0.2`, timeoutMs, `the head to stand at (${x}, ${z})`);
}

/** A point inside a door's doorway (0.6 m in front of it): standing there 0.8 s opens the door. */
export function inDoorway(door: { position: readonly number[]; yawDeg: number }): [number, number] {
  const yaw = (door.yawDeg * Math.PI) / 180;
  return [door.position[0]! + Math.sin(yaw) * 0.6, door.position[2]! + Math.cos(yaw) * 0.6];
}
