// Two people meet in one session: Ada on a desktop, Ben in an emulated Quest 3 (IWER). Both run the
// real built client, served by the real server, in Debian Chromium.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { avatarOf } from "../harness/client-page.js";
import { boxes, DESKTOP_HUD, overlapping } from "../harness/hud-layout.js";
import { waitUntil } from "../harness/wait.js";

const SESSION = "e2e-desktop-vr";
/** The desktop HUD's pieces, the board tools among them (a participant's are short enough not to scroll at 960x600). */
const HUD = DESKTOP_HUD;
const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader/i } });
const ada = suite.person("Ada");
const ben = suite.person("Ben", { vr: true });

describe("a desktop user and a VR user meet in one room", () => {
  it("both join and list each other in the people panel with a Desktop/VR badge", async () => {
    const invite = await suite.server.invite(SESSION);
    await ada.goto(invite);
    await ada.page.getByLabel("Display name").fill("Ada");
    await ada.shot("join-screen.png");
    await ada.join(invite, { colour: "#e4572e" });
    await ben.join(invite, { colour: "#7b2cbf" });
    await ben.enterVr();

    const people = ada.page.getByRole("list", { name: /people/i });
    await expect.poll(() => people.getByRole("listitem").count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => people.getByRole("listitem").filter({ hasText: "Ben" }).innerText(), { timeout: 15_000 }).toMatch(/VR/);
    await expect.poll(() => people.getByRole("listitem").filter({ hasText: "Ada" }).innerText()).toMatch(/Desktop/);
    const benPeople = ben.page.getByRole("list", { name: /people/i });
    await expect.poll(() => benPeople.getByRole("listitem").filter({ hasText: "Ada" }).count()).toBe(1);
  });

  it("the VR user's head and right controller move and the desktop user sees both", async () => {
    const before = await waitUntil(() => avatarOf(ada, "Ben"), (a) => a?.right != null, "Ada never saw Ben's hands");
    await ben.hook(`(otc.xrDevice.position.set(0.6, 1.6, -0.4), otc.xrDevice.controllers.right.position.set(0.9, 1.5, -0.9), true)`);
    const after = await waitUntil(
      () => avatarOf(ada, "Ben"),
      (a) => a !== undefined && Math.abs(a.head[0]! - before!.head[0]! - 0.6) < 0.1 && Math.hypot(a.right![0]! - before!.right![0]!, a.right![2]! - before!.right![2]!) > 0.3,
      "Ben's head/hand motion did not reach Ada",
    );
    expect(after!.head[1]).toBeGreaterThan(1.4);
  });

  it("the VR user teleports by aiming a controller at the floor and pressing the trigger", async () => {
    const start = await ben.hook<number[]>("otc.localHead()");
    // Hold the controller over the centre aisle (x = -0.5: clear of the tables, and of Ada standing at
    // x = 0 behind) and point it forward and 25° down: the arc lands on the floor about 1.9 m ahead.
    const origin = await ben.hook<number[]>(`[otc.localHead()[0] - otc.xrDevice.position.x, 0, otc.localHead()[2] - otc.xrDevice.position.z]`);
    await ben.hook(`(otc.xrDevice.controllers.right.position.set(${-0.5 - origin[0]!}, 1.3, -0.3), otc.xrDevice.controllers.right.quaternion.set(-0.2164, 0, 0, 0.9763), otc.xrDevice.quaternion.set(-0.2164, 0, 0, 0.9763), true)`);
    await ben.waitFrames(2);
    await ben.hook(`(otc.xrDevice.controllers.right.updateButtonValue("trigger", 1), true)`);
    await ben.waitFrames(3);
    await ben.shot("vr-teleport-arc.png"); // the arc and its landing ring
    await ben.hook(`(otc.xrDevice.controllers.right.updateButtonValue("trigger", 0), otc.xrDevice.quaternion.set(0, 0, 0, 1), true)`);
    const landed = await waitUntil(
      () => ben.hook<number[]>("otc.localHead()"),
      (h) => start[2]! - h[2]! > 1.2,
      "Ben did not teleport forward",
    );
    await waitUntil(
      () => avatarOf(ada, "Ben"),
      (a) => a !== undefined && Math.hypot(a.head[0]! - landed[0]!, a.head[2]! - landed[2]!) < 0.1,
      "Ada did not see Ben arrive where he teleported",
    );
  });

  it("the VR user snap-turns 30° with the right thumbstick, and only once per push", async () => {
    const yaw = async () => {
      const [x, y, z, w] = await ben.hook<number[]>("otc.localHeadRotation()");
      return (Math.atan2(2 * (w! * y! + x! * z!), 1 - 2 * (y! * y! + x! * x!)) * 180) / Math.PI; // degrees about +y
    };
    const before = await yaw();
    await ben.hook(`(otc.xrDevice.controllers.right.updateAxes("thumbstick", 1, 0), true)`);
    await ben.waitFrames(6); // held: still one turn
    await ben.hook(`(otc.xrDevice.controllers.right.updateAxes("thumbstick", 0, 0), true)`);
    await ben.waitFrames(3);
    const turned = ((await yaw()) - before + 540) % 360 - 180;
    expect(turned).toBeCloseTo(-30, 0);
  });

  it("the desktop user walks with the keyboard and the VR user sees the avatar move", async () => {
    const before = await waitUntil(() => avatarOf(ben, "Ada"), (a) => a !== undefined, "Ben never saw Ada's avatar");
    await ada.page.locator("canvas").first().click({ position: { x: 480, y: 80 } }); // focus the scene, aim at a wall
    await ada.page.keyboard.down("w");
    // Walking is frame-paced and software rendering on a busy 2-core machine can drop to a few fps:
    // hold the key until Ada has moved, rather than for a fixed time.
    await waitUntil(
      () => ada.hook<number[]>("otc.localHead()"),
      (h) => Math.hypot(h[0]! - before!.head[0]!, h[2]! - before!.head[2]!) > 0.6,
      "Ada did not walk",
      20_000,
    );
    await ada.page.keyboard.up("w");
    const own = await ada.hook<number[]>("otc.localHead()");
    expect(Math.hypot(own[0]! - before!.head[0]!, own[2]! - before!.head[2]!)).toBeGreaterThan(0.5);
    // Ben's view of Ada settles where Ada really stands (interpolation catches up)
    await waitUntil(
      () => avatarOf(ben, "Ada"),
      (a) => a !== undefined && Math.hypot(a.head[0]! - own[0]!, a.head[2]! - own[2]!) < 0.05,
      "Ada's avatar did not arrive where Ada is in Ben's view",
    );
  });

  it("shows each person the other (screenshots saved for a human to check)", async () => {
    // Ada walks back behind Ben, so each faces the other: Ada looks down the room, Ben turns round.
    // Hold the key until Ada stands a metre behind Ben (walking is frame-paced: not for a fixed time).
    await ada.page.keyboard.down("s");
    const benZ = (await ben.hook<number[]>("otc.localHead()"))[2]!;
    await waitUntil(() => ada.hook<number[]>("otc.localHead()"), (h) => h[2]! > benZ + 1, `Ada to walk back behind Ben (z > ${benZ + 1})`, 30_000);
    await ada.page.keyboard.up("s");
    await ben.hook(`(otc.xrDevice.quaternion.set(0, 1, 0, 0), otc.xrDevice.controllers.right.position.set(0.25, 1.2, 0.35), otc.xrDevice.controllers.left.position.set(-0.25, 1.2, 0.35), true)`);
    const ada2 = await ada.hook<number[]>("otc.localHead()");
    const ben2 = await ben.hook<number[]>("otc.localHead()");
    expect(ada2[2]!).toBeGreaterThan(ben2[2]!); // Ada stands behind Ben: both are in each other's view
    await waitUntil(() => avatarOf(ben, "Ada"), (a) => a !== undefined && Math.abs(a.head[2]! - ada2[2]!) < 0.05, "Ben's view of Ada did not settle");
    await ada.waitFrames(10);
    await ben.waitFrames(10);
    await ada.shot("desktop-view.png");
    await ben.shot("vr-view.png");
    // what a first-time desktop user sees at once in a small window (the suite's 960×600): no piece of the HUD covers another
    const shown = await boxes(ada, HUD);
    expect(shown.map((b) => b.name), "the desktop HUD is on screen").toEqual(expect.arrayContaining([".avatar-hud", ".onboarding-card", ".survey-open", ".help", ".people"]));
    expect(overlapping(shown), "nothing of the desktop HUD covers anything else").toEqual([]);
    // nor once the chat and the accessibility menu are open
    await ada.page.getByText("Chat", { exact: true }).click();
    await ada.page.getByText("Accessibility", { exact: true }).click();
    await expect.poll(() => ada.page.getByRole("textbox", { name: "Chat message" }).isVisible()).toBe(true);
    await expect.poll(async () => overlapping(await boxes(ada, HUD)), { message: "open chat and accessibility menu cover nothing" }).toEqual([]);
    await ada.shot("desktop-chat-open.png");
  });

  it("leaving VR returns to the desktop view without rejoining", async () => {
    const selfId = await ben.hook<string>("otc.selfId");
    await ben.hook(`(otc.xrStore.getState().session.end(), true)`);
    await ben.waitFor(`window.__otc.xrStore.getState().session == null`, "the XR session to end");
    await expect.poll(() => ben.page.getByRole("button", { name: "Enter VR" }).isVisible()).toBe(true);
    expect(await ben.hook<string>("otc.selfId")).toBe(selfId);
    expect(await ada.hook<number>("otc.participants().length")).toBe(2);
    await expect
      .poll(() => ada.page.getByRole("list", { name: /people/i }).getByRole("listitem").filter({ hasText: "Ben" }).innerText(), { timeout: 10_000 })
      .toMatch(/Desktop/);
  });
});
