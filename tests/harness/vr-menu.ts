import type { Person } from "./person.js";
import { waitUntil } from "./wait.js";

export type V3 = [number, number, number];
export type Q = [number, number, number, number];

export interface MenuTarget {
  id: string;
  label: string;
  tab: string;
  world: V3;
  visible: boolean;
}

/** What `otc.worldUi()` reports (features/hand-menu/world-ui-test-hooks.ts). */
export interface MenuView {
  open: boolean;
  tab: string;
  tabs: string[];
  hovered: boolean;
  hoveredTarget: string | null;
  /** Id of the target a held press went down on. */
  pressedTarget: string | null;
  notice: string | null;
  noticeOpacity: number;
  targets: MenuTarget[];
}

/** Device-space poses (the XR origin's frame) a VR person holds while using the hand menu. */
export const RIGHT_HAND: V3 = [0.22, 1.3, -0.15];
export const LEFT_HAND: V3 = [-0.15, 1.25, -0.35];
export const HEAD: V3 = [0, 1.6, 0];

export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const norm = (a: V3): V3 => {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
};
export function rotate(q: Q, v: V3): V3 {
  const [x, y, z, w] = q;
  const [vx, vy, vz] = v;
  const ix = w * vx + y * vz - z * vy;
  const iy = w * vy + z * vx - x * vz;
  const iz = w * vz + x * vy - y * vx;
  const iw = -x * vx - y * vy - z * vz;
  return [ix * w + iw * -x + iy * -z - iz * -y, iy * w + iw * -y + iz * -x - ix * -z, iz * w + iw * -z + ix * -y - iy * -x];
}
/** The rotation taking unit vector a onto unit vector b (three.js' setFromUnitVectors). */
export function fromUnitVectors(a: V3, b: V3): Q {
  const r = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + 1;
  const q: Q = r < 1e-6 ? [-a[1], a[0], 0, 0] : [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0], r];
  const l = Math.hypot(...q);
  return [q[0] / l, q[1] / l, q[2] / l, q[3] / l];
}
/** Yaw (degrees about +y) of a quaternion. */
export const yawDeg = ([x, y, z, w]: Q) => (Math.atan2(2 * (w * y + x * z), 1 - 2 * (y * y + x * x)) * 180) / Math.PI;

/**
 * Driving a VR person's hand menu in emulated VR (IWER): open it with the left thumbstick press, aim
 * the right controller's ray at a target and pull the trigger, and photograph a tab the way a person
 * reading it would look at it.
 */
export function vrMenu(who: Person) {
  const menu = () => who.hook<MenuView>("otc.worldUi()");
  const set = (body: string) => who.hook(`(${body}, true)`);

  /** A world point in the emulated device's space (the XR origin's frame). */
  async function toDevice(world: V3): Promise<V3> {
    const origin = await who.hook<{ p: V3; q: Q }>("otc.xrOrigin()");
    const [x, y, z, w] = origin.q;
    return rotate([-x, -y, -z, w], sub(world, origin.p));
  }

  /** Holds the head, the left wrist (palm down) and the right hand where a person using the menu would. */
  async function holdPose(): Promise<void> {
    await set(
      `otc.xrDevice.position.set(${HEAD.join(",")}), otc.xrDevice.quaternion.set(0, 0, 0, 1), otc.xrDevice.controllers.left.position.set(${LEFT_HAND.join(",")}), otc.xrDevice.controllers.left.quaternion.set(0, 0, 0, 1)`,
    );
  }

  async function pressMenuButton(): Promise<void> {
    await set(`otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 1)`);
    await who.waitFrames(3);
    await set(`otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 0)`);
    await who.waitFrames(2);
  }

  /** Where to aim at target `id` from `hand` (device space), once the menu draws it, and whether the ray rests there now. */
  async function aimAt(id: string, hand: V3): Promise<{ q: Q; on: boolean }> {
    const { view, origin, claimed } = await waitUntil(
      () => who.hook<{ view: MenuView; origin: { p: V3; q: Q }; claimed: boolean }>("({ view: otc.worldUi(), origin: otc.xrOrigin(), claimed: otc.handsOnUi().right })"),
      (v) => v.view.targets.some((t) => t.id === id && t.visible),
      `no visible target ${id}`,
    );
    const target = view.targets.find((t) => t.id === id && t.visible)!;
    const [x, y, z, w] = origin.q;
    return { q: fromUnitVectors([0, 0, -1], norm(sub(rotate([-x, -y, -z, w], sub(target.world, origin.p)), hand))), on: view.hoveredTarget === id && claimed };
  }

  /**
   * Aims `pose` (a function of the aim quaternion) at `id` until the ray rests there, aiming again while
   * it does not (a tab's content that grows, a thumbnail that loads, moves the buttons after the first
   * aim); then presses (`down`), waits until the button took the press, releases (`up`) and waits until
   * it acted. No fixed frame counts: each step waits on what the page reports.
   */
  async function aimAndPress(id: string, pose: (q: Q) => string, down: string, up: string, what: string): Promise<void> {
    const deadline = Date.now() + 40_000;
    let aimed = "";
    for (;;) {
      const { q, on } = await aimAt(id, RIGHT_HAND);
      // Pressed only once the ray has rested on it over a frame: a loaded page lays the buttons out a
      // frame late, and a press right after the first "on" once went to the neighbour (stop 31).
      if (on && (await who.waitFrames(1), (await aimAt(id, RIGHT_HAND)).on)) break;
      if (Date.now() > deadline) throw new Error(`the ${what} ray never rested on ${id} (or the menu did not claim it)`);
      const next = pose(q);
      if (next !== aimed) await set(next);
      aimed = next;
      await new Promise((r) => setTimeout(r, 100));
    }
    await set(down);
    try {
      await waitUntil(menu, (m) => m.pressedTarget === id, `${id} did not take the ${what} press`);
    } finally {
      await set(up); // never leave the trigger held: every later press would fail behind it (CI, stop 31: 7 tests)
    }
    await waitUntil(menu, (m) => m.pressedTarget === null, `${id} did not take the ${what} release`);
  }

  const fixed = (q: Q) => q.map((v) => v.toFixed(3)).join(",");

  /** Points the right controller's ray at a target, waits until the ray rests on it, and pulls and releases the trigger. */
  async function press(id: string): Promise<void> {
    await aimAndPress(
      id,
      (q) => `otc.xrDevice.controllers.right.position.set(${RIGHT_HAND.join(",")}), otc.xrDevice.controllers.right.quaternion.set(${fixed(q)})`,
      `otc.xrDevice.controllers.right.updateButtonValue("trigger", 1)`,
      `otc.xrDevice.controllers.right.updateButtonValue("trigger", 0)`,
      "controller",
    );
  }

  /**
   * With tracked hands (`otc.xrDevice.primaryInputMode = "hand"`): points the right hand at a target,
   * waits until its ray rests there, and pinches (thumb to index) and lets go.
   */
  async function pinch(id: string): Promise<void> {
    await aimAndPress(
      id,
      (q) => `otc.xrDevice.hands.right.position.set(${RIGHT_HAND.join(",")}), otc.xrDevice.hands.right.quaternion.set(${fixed(q)})`,
      `otc.xrDevice.hands.right.updatePinchValue(1)`,
      `otc.xrDevice.hands.right.updatePinchValue(0)`,
      "hand's",
    );
  }

  /** Opens a tab, aims the ray away (no hover colour over a label), looks at the menu's middle and saves a screenshot. */
  async function screenshotTab(tab: string, file: string): Promise<void> {
    await press(`tab:${tab}`);
    const shown = await waitUntil(menu, (m) => m.tab === tab, `tab ${tab} did not show`);
    // The middle of what the menu draws: the tab grid (its bottom) and the tab's own targets above it.
    const drawn = shown.targets.filter((t) => t.visible && (t.id.startsWith("tab:") || t.tab === tab)).map((t) => t.world);
    const centre = [0, 1, 2].map((i) => (Math.min(...drawn.map((w) => w[i]!)) + Math.max(...drawn.map((w) => w[i]!))) / 2) as V3;
    const look = fromUnitVectors([0, 0, -1], norm(sub(await toDevice(centre), HEAD)));
    await set(`otc.xrDevice.controllers.right.quaternion.set(0, 0, 0, 1), otc.xrDevice.quaternion.set(${look.join(",")})`);
    await waitUntil(menu, (m) => m.hoveredTarget === null, "the ray stayed on the menu");
    await who.waitFrames(2); // the new head pose drawn
    await who.shot(file);
    await set(`otc.xrDevice.quaternion.set(0, 0, 0, 1)`);
  }

  return { menu, set, toDevice, holdPose, pressMenuButton, press, pinch, screenshotTab };
}
