// Two people meet in one session: Ada on a desktop, Ben in an emulated Quest 3 (IWER). Both run the
// real built client, served by the real server, in Debian Chromium.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openWatchedPage, waitForPage, type WatchedPage } from "../harness/chromium.js";
import { hook, joinFromDesktop, waitFrames, type OtcHook } from "../harness/client-page.js";
import { resultsDir } from "../harness/paths.js";
import { startTestServer, type TestServer } from "../harness/test-server.js";

type Avatar = ReturnType<OtcHook["remoteAvatars"]>[number];
const SESSION = "e2e-desktop-vr";

let server: TestServer;
let browser: Browser;
let ada: WatchedPage;
let ben: WatchedPage;

async function avatarOf(p: WatchedPage, name: string): Promise<Avatar | undefined> {
  return hook<Avatar | undefined>(
    p.page,
    `(() => { const who = otc.participants().find((x) => x.name === ${JSON.stringify(name)}); return who && otc.remoteAvatars().find((a) => a.id === who.id); })()`,
  );
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  server = await startTestServer();
  browser = await launchChromium();
  ada = await openWatchedPage(browser);
  ben = await openWatchedPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a desktop user and a VR user meet in one room", () => {
  it("both join and list each other in the people panel with a Desktop/VR badge", async () => {
    const invite = await server.invite(SESSION);
    await ada.page.goto(`${server.url}${invite}&testhooks=1`);
    await ada.page.getByLabel("Display name").fill("Ada");
    await ada.page.screenshot({ path: path.join(resultsDir, "join-screen.png") });
    await joinFromDesktop(ada.page, server.url, invite, "Ada", "testhooks=1", "#e4572e");
    await joinFromDesktop(ben.page, server.url, invite, "Ben", "xr=emulate", "#7b2cbf");
    await ben.page.getByRole("button", { name: "Enter VR" }).click({ timeout: 120_000 }); // slow when the shared CPU is busy
    await waitForPage(ben.page, `window.__otc.xrStore.getState().session?.inputSources?.length === 2`, 60_000);

    const people = ada.page.getByRole("list", { name: /people/i });
    await expect.poll(() => people.getByRole("listitem").count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => people.getByRole("listitem").filter({ hasText: "Ben" }).innerText(), { timeout: 15_000 }).toMatch(/VR/);
    await expect.poll(() => people.getByRole("listitem").filter({ hasText: "Ada" }).innerText()).toMatch(/Desktop/);
    const benPeople = ben.page.getByRole("list", { name: /people/i });
    await expect.poll(() => benPeople.getByRole("listitem").filter({ hasText: "Ada" }).count()).toBe(1);
  });

  it("the VR user's head and right controller move and the desktop user sees both", async () => {
    const before = await eventually(() => avatarOf(ada, "Ben"), (a) => a?.right != null, "Ada never saw Ben's hands");
    await hook(ben.page, `(otc.xrDevice.position.set(0.6, 1.6, -0.4), otc.xrDevice.controllers.right.position.set(0.9, 1.5, -0.9), true)`);
    const after = await eventually(
      () => avatarOf(ada, "Ben"),
      (a) => a !== undefined && Math.abs(a.head[0]! - before!.head[0]! - 0.6) < 0.1 && Math.hypot(a.right![0]! - before!.right![0]!, a.right![2]! - before!.right![2]!) > 0.3,
      "Ben's head/hand motion did not reach Ada",
    );
    expect(after!.head[1]).toBeGreaterThan(1.4);
  });

  it("the VR user teleports by aiming a controller at the floor and pressing the trigger", async () => {
    const start = await hook<number[]>(ben.page, "otc.localHead()");
    // Hold the controller over the centre aisle (x = -0.5: clear of the tables, and of Ada standing at
    // x = 0 behind) and point it forward and 25° down: the arc lands on the floor about 1.9 m ahead.
    const origin = await hook<number[]>(ben.page, `[otc.localHead()[0] - otc.xrDevice.position.x, 0, otc.localHead()[2] - otc.xrDevice.position.z]`);
    await hook(ben.page, `(otc.xrDevice.controllers.right.position.set(${-0.5 - origin[0]!}, 1.3, -0.3), otc.xrDevice.controllers.right.quaternion.set(-0.2164, 0, 0, 0.9763), otc.xrDevice.quaternion.set(-0.2164, 0, 0, 0.9763), true)`);
    await waitFrames(ben.page, 2);
    await hook(ben.page, `(otc.xrDevice.controllers.right.updateButtonValue("trigger", 1), true)`);
    await waitFrames(ben.page, 3);
    await ben.page.screenshot({ path: path.join(resultsDir, "vr-teleport-arc.png") }); // the arc and its landing ring
    await hook(ben.page, `(otc.xrDevice.controllers.right.updateButtonValue("trigger", 0), otc.xrDevice.quaternion.set(0, 0, 0, 1), true)`);
    const landed = await eventually(
      () => hook<number[]>(ben.page, "otc.localHead()"),
      (h) => start[2]! - h[2]! > 1.2,
      "Ben did not teleport forward",
    );
    await eventually(
      () => avatarOf(ada, "Ben"),
      (a) => a !== undefined && Math.hypot(a.head[0]! - landed[0]!, a.head[2]! - landed[2]!) < 0.1,
      "Ada did not see Ben arrive where he teleported",
    );
  });

  it("the VR user snap-turns 30° with the right thumbstick, and only once per push", async () => {
    const yaw = async () => {
      const [x, y, z, w] = await hook<number[]>(ben.page, "otc.localHeadRotation()");
      return (Math.atan2(2 * (w! * y! + x! * z!), 1 - 2 * (y! * y! + x! * x!)) * 180) / Math.PI; // degrees about +y
    };
    const before = await yaw();
    await hook(ben.page, `(otc.xrDevice.controllers.right.updateAxes("thumbstick", 1, 0), true)`);
    await waitFrames(ben.page, 6); // held: still one turn
    await hook(ben.page, `(otc.xrDevice.controllers.right.updateAxes("thumbstick", 0, 0), true)`);
    await waitFrames(ben.page, 3);
    const turned = ((await yaw()) - before + 540) % 360 - 180;
    expect(turned).toBeCloseTo(-30, 0);
  });

  it("the desktop user walks with the keyboard and the VR user sees the avatar move", async () => {
    const before = await eventually(() => avatarOf(ben, "Ada"), (a) => a !== undefined, "Ben never saw Ada's avatar");
    await ada.page.locator("canvas").first().click({ position: { x: 480, y: 80 } }); // focus the scene, aim at a wall
    await ada.page.keyboard.down("w");
    // Walking is frame-paced and software rendering on a busy 2-core machine can drop to a few fps:
    // hold the key until Ada has moved, rather than for a fixed time.
    await eventually(
      () => hook<number[]>(ada.page, "otc.localHead()"),
      (h) => Math.hypot(h[0]! - before!.head[0]!, h[2]! - before!.head[2]!) > 0.6,
      "Ada did not walk",
      20_000,
    );
    await ada.page.keyboard.up("w");
    const own = await hook<number[]>(ada.page, "otc.localHead()");
    expect(Math.hypot(own[0]! - before!.head[0]!, own[2]! - before!.head[2]!)).toBeGreaterThan(0.5);
    // Ben's view of Ada settles where Ada really stands (interpolation catches up)
    await eventually(
      () => avatarOf(ben, "Ada"),
      (a) => a !== undefined && Math.hypot(a.head[0]! - own[0]!, a.head[2]! - own[2]!) < 0.05,
      "Ada's avatar did not arrive where Ada is in Ben's view",
    );
  });

  it("shows each person the other (screenshots saved for a human to check)", async () => {
    // Ada walks back behind Ben, so each faces the other: Ada looks down the room, Ben turns round.
    await ada.page.keyboard.down("s");
    await ada.page.waitForTimeout(1500);
    await ada.page.keyboard.up("s");
    await hook(ben.page, `(otc.xrDevice.quaternion.set(0, 1, 0, 0), otc.xrDevice.controllers.right.position.set(0.25, 1.2, 0.35), otc.xrDevice.controllers.left.position.set(-0.25, 1.2, 0.35), true)`);
    const ada2 = await hook<number[]>(ada.page, "otc.localHead()");
    const ben2 = await hook<number[]>(ben.page, "otc.localHead()");
    expect(ada2[2]!).toBeGreaterThan(ben2[2]!); // Ada stands behind Ben: both are in each other's view
    await eventually(() => avatarOf(ben, "Ada"), (a) => a !== undefined && Math.abs(a.head[2]! - ada2[2]!) < 0.05, "Ben's view of Ada did not settle");
    await waitFrames(ada.page, 10);
    await waitFrames(ben.page, 10);
    await ada.page.screenshot({ path: path.join(resultsDir, "desktop-view.png") });
    await ben.page.screenshot({ path: path.join(resultsDir, "vr-view.png") });
  });

  it("leaving VR returns to the desktop view without rejoining", async () => {
    const selfId = await hook<string>(ben.page, "otc.selfId");
    await hook(ben.page, `(otc.xrStore.getState().session.end(), true)`);
    await waitForPage(ben.page, `window.__otc.xrStore.getState().session == null`);
    await expect.poll(() => ben.page.getByRole("button", { name: "Enter VR" }).isVisible()).toBe(true);
    expect(await hook<string>(ben.page, "otc.selfId")).toBe(selfId);
    expect(await hook<number>(ada.page, "otc.participants().length")).toBe(2);
    await expect
      .poll(() => ada.page.getByRole("list", { name: /people/i }).getByRole("listitem").filter({ hasText: "Ben" }).innerText(), { timeout: 10_000 })
      .toMatch(/Desktop/);
  });

  it("made no request beyond 127.0.0.1 and raised no page errors", () => {
    expect([...ada.blocked, ...ben.blocked]).toEqual([]);
    expect([...ada.errors, ...ben.errors].filter((e) => !/WebGL|GPU stall|swiftshader/i.test(e))).toEqual([]);
  });
});
