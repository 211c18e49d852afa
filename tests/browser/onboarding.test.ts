// Two newcomers learn the room alone at once, each step detected from what they really do: Ada on a
// desktop (keyboard and mouse), Ben in an emulated Quest 3 driven only by IWER input (head turns,
// the controller's aim and trigger, the thumbstick, the palm turned up). Fatou, the facilitator, sees
// both complete, and Ben "stuck" while he waits on a step (a 4 s threshold from the address instead
// of 60 s: no sleep). That a finished person is not sent through again is checked in the room test
// and onboarding-client.test.ts. Real built client, real server, Chromium; a screenshot per stage.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import type { Person } from "../harness/person.js";
import { fromUnitVectors, HEAD, LEFT_HAND, norm, RIGHT_HAND, sub, vrMenu, type V3 } from "../harness/vr-menu.js";
import { waitUntil } from "../harness/wait.js";

const SESSION = "e2e-onboarding";
const STUCK = "&onboarding-stuck=4"; // seconds: hint at 2 s, stuck at 4 s
const BOARD = "front"; // training-room.json: at (4.7, 1.5, -5.95), facing +z
/** Frames a page must render before a wait gives up, ms: a starved page renders one a few seconds. */
const FRAMES_MS = 120_000;
/** Any other wait on a page, ms: on CI (stop 36) Ben's page once did not answer for 5 s, and a 30 s wait for his practice deck ran out. */
const WAIT_MS = 120_000;
const SLOW = 540_000; // the two newcomers' runs, side by side: ~5 min at load 20 on a shared 2-core box
/** The left grip's +X (the palm's normal) in IWER's Quest 3 controller pose (see hand-menu.test.ts). */
const CONTROLLER_GRIP_X: V3 = [0.9925461411476135, 4.673031295254759e-9, -0.12186938524246216];
/** The teleport arc (locomotion/teleport-arc.ts): launch speed m/s, gravity m/s². */
const ARC = { speed: 7, gravity: 9.81 };

const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader|ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource/i } });
// Every page low-power (the desktop views capped; no shadows, no multisampling, in VR too): the steps and cues are
// what the screenshots check, and three software-rendered rooms share the test machine's cores.
const fatou = suite.person("Fatou", { lowPower: true }); // she reads the progress table
const ada = suite.person("Ada", { ownBrowser: true, lowPower: true }); // each newcomer's room renders in a GPU process of its own (one shared starved Ada to 32 frames in 4 min at load 30)
const ben = suite.person("Ben", { vr: true, ownBrowser: true, lowPower: true }); // its own GPU process: two software-rendered rooms starve a third page of frames
const vr = vrMenu(ben);

const step = (p: Person) => p.hook<string | null>("window.__otcOnboarding.state().run?.step ?? null");
const onStep = (p: Person, s: string) => p.waitFor(`window.__otcOnboarding?.state().run?.step === ${JSON.stringify(s)}`, `${p.name} on step ${s}`, 150_000);
const row = (name: string, state: string) => `document.querySelector('.onboarding-progress li[data-person="${name}"][data-state="${state}"]') !== null`;
const label = async (id: string) => (await vr.menu()).targets.find((t) => t.id === id)?.label;

/** Drags the view with the mouse by `px` pixels sideways (0.0035 rad a pixel), in small moves as a hand would. */
async function drag(p: Person, px: number): Promise<void> {
  const { width, height } = p.page.viewportSize()!;
  const [x, y] = [width / 2, height * 0.3];
  await p.page.mouse.move(x, y);
  await p.page.mouse.down();
  await p.page.mouse.move(x + px, y, { steps: Math.max(1, Math.ceil(Math.abs(px) / 20)) });
  await p.page.mouse.up();
  await p.waitFrames(3, FRAMES_MS);
}

/** The downward pitch (radians) at which the teleport arc, thrown from `height` metres, lands `distance` metres away. */
function pitchFor(distance: number, height: number): number {
  const reach = (pitch: number) => {
    const vy = ARC.speed * Math.sin(pitch);
    return ARC.speed * Math.cos(pitch) * ((vy + Math.sqrt(vy * vy + 2 * ARC.gravity * height)) / ARC.gravity);
  };
  let [lo, hi] = [-1.4, 0.5]; // reach grows with the pitch over this range
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (reach(mid) < distance) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

async function desktopNewcomer(): Promise<void> {
  await ada.page.getByRole("button", { name: "Seated" }).click();
  await onStep(ada, "look");
  await drag(ada, 450); // a quarter turn one way,
  await drag(ada, -900); // then the other,
  await drag(ada, 450); // and back
  await onStep(ada, "move");
  // Turn toward the ring (a drag), then walk to it with W.
  const spot = await ada.hook<{ x: number; z: number }>("window.__otcOnboarding.spot()");
  const head = await ada.hook<number[]>("otc.localHead()");
  const [qx, qy, qz, qw] = await ada.hook<number[]>("otc.localHeadRotation()");
  const facing = Math.atan2(2 * (qw! * qy! + qx! * qz!), 1 - 2 * (qx! * qx! + qy! * qy!));
  const wanted = Math.atan2(-(spot.x - head[0]!), -(spot.z - head[2]!));
  const turn = Math.atan2(Math.sin(wanted - facing), Math.cos(wanted - facing));
  if (Math.abs(turn) > 0.05) await drag(ada, Math.round(turn / 0.0035));
  await ada.shot("onboarding-desktop-move.png"); // the ring and its light column ahead
  await ada.page.keyboard.down("w");
  await ada.waitFor(`window.__otcOnboarding.state().run?.step !== "move"`, "Ada walked into the ring", WAIT_MS);
  await ada.page.keyboard.up("w");
  await drag(ada, 900); // turn right round
  await onStep(ada, "menu");
  await ada.page.locator("details.chat > summary").click();
  await onStep(ada, "mute");
  await ada.page.keyboard.press("m");
  await ada.waitFor(`document.querySelector('.voice-bar .mic.muted') !== null`, "Ada muted", WAIT_MS);
  // A person waits a moment before unmuting: the step does not count a double tap (< 100 ms apart),
  // which a quick page showed the muted icon within (fresh-clone run: Ada never left the step).
  const mutedAt = await ada.page.evaluate(() => performance.now());
  await ada.waitFor(`performance.now() - ${mutedAt} > 300`, "a moment on the page's clock", WAIT_MS);
  await ada.page.keyboard.press("m");
  await onStep(ada, "hand");
  await ada.page.keyboard.press("h");
  await ada.waitFor(`document.querySelector('.avatar-hud .hand.raised') !== null`, "Ada's hand up", WAIT_MS);
  await ada.page.keyboard.press("h");
  await ada.page.getByRole("button", { name: /^React:/ }).first().click();
  await onStep(ada, "draw");
  await ada.hook(`(otc.standAndLook(4.7, -3.6, [4.7, 1.5, -5.95]), true)`); // up to the board (the skill here is drawing)
  await ada.waitFrames(3, FRAMES_MS);
  // Board pixels (as aimController's): a line across the middle of the board.
  const screen = async (x: number, y: number) => ada.hook<[number, number]>(`otc.whiteboard.screenPoint(${JSON.stringify(BOARD)}, ${x}, ${y})`);
  const [sx, sy] = await screen(1200, 1000);
  const [ex, ey] = await screen(2800, 1100);
  await ada.page.mouse.move(sx, sy);
  await ada.page.mouse.down();
  await ada.page.mouse.move(ex, ey, { steps: 8 });
  await ada.page.mouse.up();
  await onStep(ada, "slides");
  await ada.waitFrames(3, FRAMES_MS);
  await ada.shot("onboarding-desktop-slides.png");
  const { width, height } = ada.page.viewportSize()!;
  await ada.page.mouse.click(width / 2, height / 2);
  await ada.waitFor(`window.__otcOnboarding.state().run?.finishedAt != null`, "Ada finished", WAIT_MS);
  expect(await ada.hook("window.__otcOnboarding.state().run.skipped")).toEqual([]); // every step detected, none skipped
  await ada.shot("onboarding-desktop-done.png");
}

async function vrNewcomer(): Promise<void> {
  const { press, set } = vr;
  await ben.enterVr();
  await vr.holdPose();
  await ben.waitFor(`window.__otcOnboarding.state().run?.device === "vr-controllers" && window.__otcOnboarding.state().run?.step === "comfort"`, "Ben's VR onboarding at the comfort check", WAIT_MS);
  await waitUntil(vr.menu, (m) => m.targets.some((t) => t.id === "onboarding:teleport" && t.visible), "the VR instruction panel never showed", 120_000);
  await ben.waitFrames(5, FRAMES_MS);
  await ben.shot("onboarding-vr-comfort.png");
  await press("onboarding:teleport"); // the ray on the panel's button, the trigger: the panel takes it, no teleport
  await onStep(ben, "look");
  // The step measures the turns from the first head pose it samples (15 a second, on a frame). Hold still
  // until it has one at 0°: sampled first after the turn to 30°, the 95° turn counts 65, short of 80 (a
  // fresh-clone run where Ben never left the step is consistent with that).
  const lookFrom = await ben.page.evaluate(() => performance.now());
  await ben.waitFor(`performance.now() - ${lookFrom} > 250`, "a moment on Ben's clock", WAIT_MS);
  await ben.waitFrames(2, FRAMES_MS);
  // Head turns only: a quarter turn left, then right, then ahead again.
  for (const deg of [30, 60, 95, 60, 30, 0, -30, -60, -95, -60, -30, 0]) {
    const h = (deg * Math.PI) / 360;
    await set(`otc.xrDevice.quaternion.set(0, ${Math.sin(h)}, 0, ${Math.cos(h)})`);
    await ben.waitFrames(2, FRAMES_MS);
  }
  await onStep(ben, "move");
  // He waits: Fatou's table flags him stuck (4 s here), and his panel offers the hint.
  await fatou.page.locator("details.onboarding-progress > summary").click();
  await fatou.waitFor(row("Ben", "stuck"), "Ben shown stuck on a step", WAIT_MS);
  await fatou.shot("onboarding-facilitator-stuck.png");
  await ben.waitFor(`window.__otcOnboarding.state().run?.hintDue === true`, "Ben's hint due", WAIT_MS);
  await ben.waitFrames(5, FRAMES_MS);
  // The instruction names the trigger: it glows on his right controller's model (the profile's own part).
  await ben.waitFor(`window.__otc.shown("onboarding-cue-right-xr_standard_trigger")`, "the trigger lit on Ben's right controller", WAIT_MS);
  await ben.shot("onboarding-vr-move-hint.png");
  await set(`otc.xrDevice.controllers.right.position.set(0.05, 1.45, -0.25), otc.xrDevice.controllers.right.quaternion.set(0.5, 0, 0, 0.866)`); // raised to look at
  await ben.waitFrames(3, FRAMES_MS);
  await ben.shot("onboarding-vr-trigger-cue.png");
  expect(await step(ben)).toBe("move");
  // Teleport onto the ring: the right controller held low, aimed so its arc lands on the spot, trigger pulled and let go.
  const spot = await ben.hook<{ x: number; z: number }>("window.__otcOnboarding.spot()");
  const target = await vr.toDevice([spot.x, 0, spot.z]);
  const hand: V3 = [0, 1.3, 0];
  const [dx, dz] = [target[0] - hand[0], target[2] - hand[2]];
  const distance = Math.hypot(dx, dz);
  const pitch = pitchFor(distance, hand[1] - target[1]);
  const aim = fromUnitVectors([0, 0, -1], [(Math.cos(pitch) * dx) / distance, Math.sin(pitch), (Math.cos(pitch) * dz) / distance]);
  await set(`otc.xrDevice.controllers.right.position.set(${hand.join(",")}), otc.xrDevice.controllers.right.quaternion.set(${aim.join(",")})`);
  await ben.waitFrames(2, FRAMES_MS);
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 1)`);
  await ben.waitFrames(3, FRAMES_MS);
  await ben.shot("onboarding-vr-teleport.png");
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 0)`);
  await onStep(ben, "turn");
  await ben.waitFor(`window.__otc.shown("onboarding-cue-right-xr_standard_thumbstick") && !window.__otc.shown("onboarding-cue-right-xr_standard_trigger")`, "the right stick lit instead of the trigger", WAIT_MS);
  await set(`otc.xrDevice.controllers.right.updateAxes("thumbstick", 1, 0)`); // a snap turn
  await onStep(ben, "menu");
  await set(`otc.xrDevice.controllers.right.updateAxes("thumbstick", 0, 0)`);
  await set(`otc.xrDevice.controllers.left.quaternion.set(${fromUnitVectors(norm(CONTROLLER_GRIP_X), norm(sub(HEAD, LEFT_HAND))).join(",")})`); // palm up
  await onStep(ben, "mute");
  await vr.holdPose(); // palm down closes what the palm opened; the thumbstick press opens it to stay
  await waitUntil(vr.menu, (m) => !m.open, "the menu did not close with the palm down", WAIT_MS);
  await vr.pressMenuButton();
  await waitUntil(vr.menu, (m) => m.open && m.targets.some((t) => t.id === "me:mic" && t.visible), "the menu did not open", WAIT_MS);
  const mic = await label("me:mic");
  await press("me:mic");
  await waitUntil(() => label("me:mic"), (l) => l !== mic, "the mic button did not flip", WAIT_MS);
  await press("me:mic");
  await onStep(ben, "hand");
  await press("me:hand");
  await waitUntil(() => label("me:hand"), (l) => l === "Lower hand", "the hand button did not turn into Lower hand", WAIT_MS);
  await press("me:hand");
  await press("me:react:clap");
  await onStep(ben, "draw");
  await vr.pressMenuButton(); // closed: nothing between the ray and the board or the panel
  await waitUntil(vr.menu, (m) => !m.open, "the menu did not close", WAIT_MS);
  const board = JSON.stringify(BOARD);
  expect(await ben.hook<boolean>(`otc.whiteboard.aimController(${board}, 500, 1800)`)).toBe(true);
  await ben.waitFrames(3, FRAMES_MS);
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 1)`);
  await ben.waitFrames(3, FRAMES_MS);
  for (const [x, y] of [[1100, 1900], [1700, 1600], [2300, 2000]] as const) {
    await ben.hook(`otc.whiteboard.aimController(${board}, ${x}, ${y})`);
    await ben.waitFrames(3, FRAMES_MS);
  }
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 0)`);
  await onStep(ben, "slides");
  // The practice deck: the ray on it (the laser), the trigger pulled and let go turns its page here only.
  const deck = await ben.waitFor<V3>(`window.__otcOnboarding.screen()`, "Ben's practice deck placed", WAIT_MS);
  const onDeck = fromUnitVectors([0, 0, -1], norm(sub(await vr.toDevice(deck), RIGHT_HAND)));
  await set(`otc.xrDevice.controllers.right.position.set(${RIGHT_HAND.join(",")}), otc.xrDevice.controllers.right.quaternion.set(${onDeck.join(",")})`);
  await ben.waitFor(`window.__otc.handsOnUi().right`, "the deck to hold the ray (no teleport on its trigger)", WAIT_MS);
  await ben.waitFrames(3, FRAMES_MS);
  await ben.shot("onboarding-vr-slides.png");
  const before = await ben.hook<number[]>("otc.localHead()");
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 1)`);
  await ben.waitFrames(3, FRAMES_MS);
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 0)`);
  await onStep(ben, "height");
  const after = await ben.hook<number[]>("otc.localHead()");
  expect(Math.hypot(after[0]! - before[0]!, after[2]! - before[2]!)).toBeLessThan(0.05); // the page turned, he did not teleport
  await press("onboarding:height");
  await ben.waitFor(`window.__otcOnboarding.state().run?.finishedAt != null`, "Ben finished", WAIT_MS);
  expect(await ben.hook("window.__otcOnboarding.state().run.skipped")).toEqual([]);
  await ben.waitFrames(5, FRAMES_MS);
  await ben.shot("onboarding-vr-done.png");
}

describe("onboarding", () => {
  it("starts by itself for newcomers, not for the facilitator, whose table lists them", async () => {
    const invite = async (kind: "facilitator" | "participant") => `${await suite.server.invite(SESSION, kind)}${STUCK}`;
    await fatou.join(await invite("facilitator"));
    await ada.join(await invite("participant"));
    await ben.join(await invite("participant"));
    await onStep(ada, "comfort");
    await ada.shot("onboarding-desktop-comfort.png");
    expect(await fatou.hook("window.__otcOnboarding.state().run")).toBeNull();
    await fatou.waitFor(`${row("Ada", "progress")} || ${row("Ada", "stuck")}`, "Ada listed on the facilitator's table", WAIT_MS);
  }, 300_000); // three joins: ~105 s at load 20

  it("a desktop newcomer (keys and mouse) and a VR newcomer (IWER input) complete every step; the facilitator sees Ben stuck, then both done", async () => {
    await Promise.all([desktopNewcomer(), vrNewcomer()]);
    await fatou.waitFor(`${row("Ada", "done")} && ${row("Ben", "done")}`, "both shown complete to the facilitator", WAIT_MS);
    await fatou.shot("onboarding-facilitator-done.png");
  }, SLOW);
});
