// A facilitator on a desktop (Ada) and a participant in an emulated Quest 3 (Ben, IWER). Ben opens the
// hand menu (left thumbstick press, and by turning the left palm up), aims the right controller's ray
// at its buttons and pulls the trigger: Ada sees him muted, his hand raised, his reaction; a refused
// unmute shows its reason in VR; the Board tab sets the controller's colour and width; ending the session
// takes Ben out of VR with the ended message. Screenshots of each tab are saved. Real client, real server, Chromium.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { waitUntil } from "../harness/wait.js";

type V3 = [number, number, number];
type Q = [number, number, number, number];
interface Target {
  id: string;
  label: string;
  tab: string;
  world: V3;
  visible: boolean;
}
interface MenuView {
  open: boolean;
  tab: string;
  tabs: string[];
  hovered: boolean;
  hoveredTarget: string | null;
  notice: string | null;
  noticeOpacity: number;
  targets: Target[];
}

const SESSION = "e2e-hand-menu";
const RIGHT_HAND: V3 = [0.22, 1.3, -0.15]; // device space: where Ben holds the pointing controller
const LEFT_HAND: V3 = [-0.15, 1.25, -0.35]; // device space: the wrist the menu sits over
const HEAD: V3 = [0, 1.6, 0];

// Each in a Chromium of their own: one browser's pages share a GPU process and starve each other.
const ADMIN = "hand-menu-admin"; // the console API's bearer secret, to end the session at the end
// WebSocket: the socket closing when the session is ended at the end of the file.
const suite = browserSuite({ server: { adminSecret: ADMIN }, pageErrors: { ignore: /WebGL|GPU stall|swiftshader|WebSocket/i } });
const ada = suite.person("Ada", { ownBrowser: true });
const ben = suite.person("Ben", { vr: true, ownBrowser: true });
let benId = "";

// --- small vector maths (no three.js in the test process) ---
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const norm = (a: V3): V3 => {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
};
function rotate(q: Q, v: V3): V3 {
  const [x, y, z, w] = q;
  const [vx, vy, vz] = v;
  const ix = w * vx + y * vz - z * vy;
  const iy = w * vy + z * vx - x * vz;
  const iz = w * vz + x * vy - y * vx;
  const iw = -x * vx - y * vy - z * vz;
  return [ix * w + iw * -x + iy * -z - iz * -y, iy * w + iw * -y + iz * -x - ix * -z, iz * w + iw * -z + ix * -y - iy * -x];
}
/** The rotation taking unit vector a onto unit vector b (three.js' setFromUnitVectors). */
function fromUnitVectors(a: V3, b: V3): Q {
  const r = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + 1;
  const q: Q = r < 1e-6 ? [-a[1], a[0], 0, 0] : [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0], r];
  const l = Math.hypot(...q);
  return [q[0] / l, q[1] / l, q[2] / l, q[3] / l];
}

const menu = () => ben.hook<MenuView>("otc.worldUi()");
const set = (body: string) => ben.hook(`(${body}, true)`);
const eventually = waitUntil;

/** A world point in the emulated device's space (the XR origin's frame). */
async function toDevice(world: V3): Promise<V3> {
  const origin = await ben.hook<{ p: V3; q: Q }>("otc.xrOrigin()");
  const [x, y, z, w] = origin.q;
  return rotate([-x, -y, -z, w], sub(world, origin.p));
}

/** Points the right controller's ray at a menu target, waits until the ray rests on it, and pulls and releases the trigger. */
async function press(id: string): Promise<void> {
  const target = (await menu()).targets.find((t) => t.id === id && t.visible);
  if (!target) throw new Error(`no visible target ${id}: ${JSON.stringify((await menu()).targets.map((t) => t.id))}`);
  const dir = norm(sub(await toDevice(target.world), RIGHT_HAND));
  const q = fromUnitVectors([0, 0, -1], dir);
  await set(`otc.xrDevice.controllers.right.position.set(${RIGHT_HAND.join(",")}), otc.xrDevice.controllers.right.quaternion.set(${q.join(",")})`);
  await eventually(menu, (m) => m.hoveredTarget === id, `the ray never rested on ${id}`);
  await eventually(() => ben.hook<{ right: boolean }>("otc.handsOnUi()"), (h) => h.right, "the menu did not claim the right trigger");
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 1)`);
  await ben.waitFrames(3);
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 0)`);
  await ben.waitFrames(2);
}

async function pressMenuButton(): Promise<void> {
  await set(`otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 1)`);
  await ben.waitFrames(3);
  await set(`otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 0)`);
  await ben.waitFrames(2);
}

async function benAsAdaSeesHim(): Promise<{ muted: boolean; handRaised: boolean } | undefined> {
  return ada.hook(`(() => { const a = otc.remoteAvatars().find((x) => x.id === ${JSON.stringify(benId)}); return a && { muted: a.cues.muted, handRaised: a.cues.handRaised }; })()`);
}

const label = async (id: string) => (await menu()).targets.find((t) => t.id === id)?.label;

async function screenshotTab(tab: string, name = tab): Promise<void> {
  await press(`tab:${tab}`);
  await eventually(menu, (m) => m.tab === tab, `tab ${tab} did not show`);
  // aim away so no hover colour hides a label, and look at the wrist as a person reading the menu would
  const centre = (await menu()).targets.find((t) => t.id === `tab:${tab}`)!.world;
  const look = fromUnitVectors([0, 0, -1], norm(sub(await toDevice(centre), HEAD)));
  await set(`otc.xrDevice.controllers.right.quaternion.set(0, 0, 0, 1), otc.xrDevice.quaternion.set(${look.join(",")})`);
  await ben.waitFrames(5);
  await ben.shot(`hand-menu-${name}.png`);
  await set(`otc.xrDevice.quaternion.set(0, 0, 0, 1)`);
}

describe("the VR hand menu", () => {
  it("opens with the left thumbstick press in VR, over the left wrist", async () => {
    await ada.join(await suite.server.invite(SESSION, "facilitator"));
    await ben.join(await suite.server.invite(SESSION));
    benId = await ben.hook<string>("otc.selfId");
    await ben.enterVr();
    await set(
      `otc.xrDevice.position.set(${HEAD.join(",")}), otc.xrDevice.quaternion.set(0, 0, 0, 1), otc.xrDevice.controllers.left.position.set(${LEFT_HAND.join(",")}), otc.xrDevice.controllers.left.quaternion.set(0, 0, 0, 1)`,
    );
    await eventually(menu, (m) => m.tabs.length > 0, "the XR UI chunk never loaded", 120_000);
    expect((await menu()).open).toBe(false);
    await pressMenuButton();
    const open = await eventually(menu, (m) => m.open && m.targets.some((t) => t.id === "me:mic" && t.visible), "the menu did not open");
    expect(open.tabs).toEqual(["me", "people", "board", "slides", "polls", "chat", "comfort"]); // a participant: no Room or Hands tab
    // it sits over the left wrist: within 35 cm of the hand
    const wrist = await ben.hook<V3>("(() => { const o = otc.xrOrigin(); return o && o.p; })()");
    expect(wrist).not.toBeNull();
    const mic = open.targets.find((t) => t.id === "me:mic")!;
    const local = await toDevice(mic.world);
    expect(Math.hypot(...sub(local, LEFT_HAND))).toBeLessThan(0.35);
  });

  it("Mute pressed with the ray and trigger: the desktop sees Ben muted, and Ben has not teleported", async () => {
    const head = await ben.hook<V3>("otc.localHead()");
    await eventually(benAsAdaSeesHim, (v) => v !== undefined, "Ada never saw Ben");
    if ((await label("me:mic")) === "Unmute") {
      await press("me:mic");
      await eventually(benAsAdaSeesHim, (v) => v?.muted === false, "Ada did not see Ben unmuted");
    }
    await eventually(() => label("me:mic"), (l) => l === "Mute", "the mic button never offered Mute");
    await press("me:mic");
    await eventually(benAsAdaSeesHim, (v) => v?.muted === true, "Ada did not see Ben muted");
    await expect.poll(() => ada.page.locator(`[data-participant="${benId}"] [data-voice]`).getAttribute("data-voice"), { timeout: 15_000 }).toBe("muted");
    expect(await label("me:mic")).toBe("Unmute");
    const after = await ben.hook<V3>("otc.localHead()");
    expect(Math.hypot(after[0] - head[0], after[2] - head[2])).toBeLessThan(0.05); // the press did not also teleport
  });

  it("Raise hand: the desktop sees it; a reaction reaches the desktop", async () => {
    await press("me:hand");
    await eventually(benAsAdaSeesHim, (v) => v?.handRaised === true, "Ada did not see Ben's hand raised");
    await eventually(() => label("me:hand"), (l) => l === "Lower hand", "the hand button did not turn into Lower hand");
    await press("me:react:clap");
    await eventually(
      () => ada.hook<Array<{ id: string; reaction: string }>>("otc.reactionsSeen()"),
      (r) => r.some((x) => x.id === benId && x.reaction === "clap"),
      "Ada did not see Ben's clap",
    );
    await screenshotTab("me");
  });

  it("a refused unmute (mics locked by the facilitator) shows its reason in VR", async () => {
    await ada.page.getByRole("button", { name: "Lock mics" }).click();
    await ada.page.getByRole("button", { name: "Unlock mics" }).waitFor({ timeout: 15_000 }); // the server holds the lock
    await press("me:mic"); // Unmute, refused by the server
    // the panel fades in over about a third of a second; the desktop's notice (and so this one) clears after 6 s
    const shown = await eventually(menu, (m) => m.notice !== null && m.noticeOpacity === 1, "no notice showed in VR");
    expect(shown.notice).toMatch(/lock/i);
    const panel = shown.targets.find((t) => t.id === "notice");
    expect(panel?.visible).toBe(true);
    const ahead = sub(await toDevice(panel!.world), HEAD);
    expect(ahead[2]).toBeLessThan(-0.5); // in front of the eyes
    expect(ahead[1]).toBeLessThan(0); // and low in the view
    await ben.shot("hand-menu-notice.png");
    await ada.page.getByRole("button", { name: "Unlock mics" }).click();
  });

  it("the People tab lists both; promoted by the facilitator, Ben gets the Room tab", async () => {
    await screenshotTab("people");
    const m = await menu();
    expect(m.targets.filter((t) => t.tab === "people").length).toBe(0); // a participant has no per-person actions
    await ada.page.getByRole("button", { name: "Make Ben co-facilitator" }).click();
    await eventually(menu, (v) => v.tabs.includes("room"), "Ben did not get the Room tab when promoted", 30_000);
    await screenshotTab("room");
    await press("tab:people");
    await eventually(menu, (v) => v.targets.some((t) => t.id.startsWith("people:mute:") && t.visible), "a co-facilitator got no per-person Mute");
    await screenshotTab("people", "people-moderator");
  });

  it("Board tab: the colour and width picked in VR are the tool store's, and the controller draws with them", async () => {
    await press("tab:board");
    await eventually(menu, (m) => m.targets.some((t) => t.id === "board:colour:#c62828" && t.visible), "the Board tab did not show");
    await press("board:tool:highlighter");
    await press("board:tool:pen");
    await press("board:colour:#c62828");
    await press("board:width:28");
    const tools = await eventually(() => ben.hook<{ tool: string; colour: string; width: number }>("otc.whiteboard.tools()"), (t) => t.colour === "#c62828" && t.width === 28, "the tool store did not take the VR pick");
    expect(tools.tool).toBe("pen");
    await screenshotTab("board");
    // The controller draws on the front board with that colour and width; Ada, on the desktop, gets that stroke.
    const board = JSON.stringify("front");
    const strokes = () => ada.hook<Array<{ k: string; colour: string; width: number }>>(`otc.whiteboard.boards()[${board}].items`);
    const before = (await strokes()).length;
    expect(await ben.hook<boolean>(`otc.whiteboard.aimController(${board}, 500, 1800)`)).toBe(true);
    await ben.waitFrames(3);
    await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 1)`);
    await ben.waitFrames(3);
    for (const [x, y] of [[1100, 1900], [1700, 1600], [2300, 2000]] as const) {
      await ben.hook(`otc.whiteboard.aimController(${board}, ${x}, ${y})`);
      await ben.waitFrames(3);
    }
    await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 0)`);
    const seen = await eventually(strokes, (s) => s.length === before + 1, "Ada never got Ben's VR stroke");
    expect(seen.at(-1)).toMatchObject({ k: "s", colour: "#c62828", width: 28 });
  });

  it("closes with the thumbstick press, and opens by turning the left palm up towards the face", async () => {
    await pressMenuButton();
    await eventually(menu, (m) => !m.open, "the menu did not close");
    // Turn the left controller so its palm (grip +X; IWER's grip is the ray turned by its grip offset) faces the eyes.
    const gripX: V3 = [0.9925461411476135, 4.673031295254759e-9, -0.12186938524246216];
    const q = fromUnitVectors(norm(gripX), norm(sub(HEAD, LEFT_HAND)));
    await set(`otc.xrDevice.controllers.left.quaternion.set(${q.join(",")})`);
    await eventually(menu, (m) => m.open, "turning the palm up did not open the menu");
    await set(`otc.xrDevice.controllers.left.quaternion.set(0, 0, 0, 1)`);
    await eventually(menu, (m) => !m.open, "turning the palm away did not close the menu it opened");
  });

  it("the session ended from the console takes Ben out of VR, and the page says it ended", async () => {
    expect(await ben.hook<boolean>("otc.xrStore.getState().session != null")).toBe(true);
    const id = await ben.hook<string>("otc.sessionId");
    const res = await fetch(`${suite.server.url}/api/sessions/${encodeURIComponent(id)}/end`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` }, body: "{}" });
    expect(res.status).toBe(200);
    await ben.waitFor(`window.__otc.status === "disconnected"`, "Ben disconnected from the ended session", 30_000);
    await ben.waitFor(`window.__otc.xrStore.getState().session == null`, "Ben's XR session to end", 30_000);
    await expect.poll(() => ben.page.getByText("This session has ended.").first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await ben.page.getByText("Disconnected — reload to rejoin").first().isVisible()).toBe(true);
    await ben.shot("hand-menu-session-ended.png");
  });
});
