// A facilitator on a desktop (Ada), a participant in an emulated Quest 3 (Ben) and one on a desktop
// (Cleo). Ben raises his hand from the hand menu's Me tab before Cleo raises hers: Ada's queue lists
// Ben first; she calls on him (he has the floor) and ends his turn. Cleo's chat message, seen by all,
// is deleted by Ada and disappears for Ben and Cleo; Ben answers with a quick reply from the Chat tab.
// Ada locks the session: Dee's join page says she waits, Ada admits her, and she is in.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { JOINED } from "../harness/client-page.js";
import { waitUntil } from "../harness/wait.js";

type V3 = [number, number, number];
type Q = [number, number, number, number];
interface MenuView {
  open: boolean;
  tab: string;
  tabs: string[];
  hoveredTarget: string | null;
  targets: { id: string; label: string; tab: string; world: V3; visible: boolean }[];
}

const SESSION = "e2e-facilitation";
const RIGHT_HAND: V3 = [0.22, 1.3, -0.15];
const LEFT_HAND: V3 = [-0.15, 1.25, -0.35];
const HEAD: V3 = [0, 1.6, 0];

const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader|WebSocket/i } });
// The desktop pages draw at a capped rate (lowpower) so that four pages fit a small shared machine.
const LOW = "testhooks=1&lowpower=1";
const ada = suite.person("Ada", { ownBrowser: true, query: LOW });
const ben = suite.person("Ben", { vr: true, ownBrowser: true });
const cleo = suite.person("Cleo", { query: LOW });

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
function fromUnitVectors(a: V3, b: V3): Q {
  const r = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + 1;
  const q: Q = r < 1e-6 ? [-a[1], a[0], 0, 0] : [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0], r];
  const l = Math.hypot(...q);
  return [q[0] / l, q[1] / l, q[2] / l, q[3] / l];
}
const menu = () => ben.hook<MenuView>("otc.worldUi()");
const set = (body: string) => ben.hook(`(${body}, true)`);
async function toDevice(world: V3): Promise<V3> {
  const origin = await ben.hook<{ p: V3; q: Q }>("otc.xrOrigin()");
  const [x, y, z, w] = origin.q;
  return rotate([-x, -y, -z, w], sub(world, origin.p));
}
/** Aims Ben's right ray at a menu target until it rests there, then pulls and releases the trigger. */
async function press(id: string): Promise<void> {
  const target = await waitUntil(menu, (m) => m.targets.some((t) => t.id === id && t.visible), `no visible target ${id}`).then((m) => m.targets.find((t) => t.id === id)!);
  const q = fromUnitVectors([0, 0, -1], norm(sub(await toDevice(target.world), RIGHT_HAND)));
  await set(`otc.xrDevice.controllers.right.position.set(${RIGHT_HAND.join(",")}), otc.xrDevice.controllers.right.quaternion.set(${q.join(",")})`);
  await waitUntil(menu, (m) => m.hoveredTarget === id, `the ray never rested on ${id}`);
  await waitUntil(() => ben.hook<{ right: boolean }>("otc.handsOnUi()"), (h) => h.right, "the menu did not claim the right trigger");
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 1)`);
  await ben.waitFrames(3);
  await set(`otc.xrDevice.controllers.right.updateButtonValue("trigger", 0)`);
  await ben.waitFrames(2);
}
async function showTab(tab: string): Promise<void> {
  await press(`tab:${tab}`);
  await waitUntil(menu, (m) => m.tab === tab, `tab ${tab} did not show`);
}
/** Ben looks at his wrist menu (ray aimed away so no hover hides a label) for a screenshot. */
async function benShot(tab: string, file: string): Promise<void> {
  const centre = (await menu()).targets.find((t) => t.id === `tab:${tab}`)!.world;
  const look = fromUnitVectors([0, 0, -1], norm(sub(await toDevice(centre), HEAD)));
  await set(`otc.xrDevice.controllers.right.quaternion.set(0, 0, 0, 1), otc.xrDevice.quaternion.set(${look.join(",")})`);
  await ben.waitFrames(5);
  await ben.shot(file);
  await set(`otc.xrDevice.quaternion.set(0, 0, 0, 1)`);
}

const started = Date.now();
/** Notes how far a slow run got (the machine these run on is shared). */
const step = (what: string) => console.log(`[facilitation ${Math.round((Date.now() - started) / 1000)} s] ${what}`);
const queue = () => ada.page.getByRole("list", { name: "Raised hands in order" }).getByRole("listitem").allTextContents();
const chatTexts = (p: typeof ada) => p.page.getByRole("list", { name: "Chat messages" }).locator(".text").allTextContents();

describe("running a session from inside the room", () => {
  it("Ben raises his hand in VR before Cleo: Ada's queue lists him first, she calls on him and ends his turn", async () => {
    await ada.join(await suite.server.invite(SESSION, "facilitator"));
    await ben.join(await suite.server.invite(SESSION));
    await cleo.join(await suite.server.invite(SESSION));
    // Both panels start folded, off the room's view: Ada and Cleo open them as a person would.
    await ada.page.locator('details[aria-label="Facilitation panel"] > summary').click();
    await ada.page.locator('details[aria-label="Chat panel"] > summary').click();
    await cleo.page.locator('details[aria-label="Chat panel"] > summary').click();
    await ben.page.locator('details[aria-label="Chat panel"] > summary').click(); // the test reads his page's list
    await ben.enterVr();
    await set(
      `otc.xrDevice.position.set(${HEAD.join(",")}), otc.xrDevice.quaternion.set(0, 0, 0, 1), otc.xrDevice.controllers.left.position.set(${LEFT_HAND.join(",")}), otc.xrDevice.controllers.left.quaternion.set(0, 0, 0, 1)`,
    );
    await waitUntil(menu, (m) => m.tabs.length > 0, "the XR UI chunk never loaded", 120_000);
    await set(`otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 1)`);
    await ben.waitFrames(3);
    await set(`otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 0)`);
    await waitUntil(menu, (m) => m.open, "the hand menu did not open");
    step("joined; Ben raises his hand");
    await press("me:hand");
    await waitUntil(queue, (q) => q.length === 1, "Ada's queue never showed Ben's hand");
    await cleo.page.getByRole("button", { name: /Raise hand/ }).click();
    const order = await waitUntil(queue, (q) => q.length === 2, "Ada's queue never showed two hands");
    expect(order).toEqual(["Ben", "Cleo"]);
    // the people panel lists raised hands first, in the same order
    const people = await ada.page.getByRole("list", { name: "People" }).locator(".name").allTextContents();
    expect(people.slice(0, 2).map((n) => n.trim())).toEqual(["Ben", "Cleo"]);
    await ada.shot("facilitation-queue.png");

    step("queue seen");
    await ada.page.getByRole("button", { name: "Call on next" }).click();
    await ada.page.getByText("Ben has the floor").waitFor({ timeout: 15_000 });
    expect(await queue()).toEqual(["Cleo"]);
    await ada.page.getByRole("button", { name: "Done", exact: true }).click();
    await ada.page.getByText("Ben has the floor").waitFor({ state: "detached", timeout: 15_000 });
    await ada.page.getByRole("button", { name: "Lower all" }).click();
    await ada.page.getByText("No hand is up.").waitFor({ timeout: 15_000 });
  }, 480_000);

  it("a chat message deleted by Ada disappears for Ben and Cleo; Ben answers with a quick reply in VR", async () => {
    const box = cleo.page.getByRole("textbox", { name: "Chat message" });
    await box.fill("wrong window, sorry");
    await box.press("Enter");
    for (const p of [ada, ben, cleo]) await waitUntil(() => chatTexts(p), (t) => t.includes("wrong window, sorry"), `${p.name} never saw Cleo's message`);
    step("message seen by all");
    await showTab("chat");
    await press("chat:quick:0"); // "Yes"
    await waitUntil(() => chatTexts(ada), (t) => t.includes("Yes"), "Ada never saw Ben's quick reply");
    await benShot("chat", "facilitation-chat-vr.png");
    step("quick reply seen");
    await ada.page.getByRole("button", { name: "Delete message from Cleo" }).click();
    for (const p of [ada, ben, cleo]) await waitUntil(() => chatTexts(p), (t) => !t.includes("wrong window, sorry") && t.includes("Yes"), `${p.name} still shows the deleted message`);
    await ada.shot("facilitation-chat.png");
  }, 360_000);

  it("the locked session's waiting room admits a third participant", async () => {
    await ada.page.getByRole("checkbox", { name: /Lock the session/ }).click(); // shows the server's state: ticked once the room has locked
    await ada.page.getByText("Locked: newcomers wait").waitFor({ timeout: 15_000 });
    const dee = await suite.openPerson("Dee", { query: LOW });
    await dee.goto(await suite.server.invite(SESSION));
    await dee.page.getByLabel("Display name").fill("Dee", { timeout: 90_000 });
    await dee.page.getByRole("button", { name: "Join", exact: true }).click({ timeout: 90_000 });
    await dee.page.getByRole("status").filter({ hasText: "waiting room" }).waitFor({ timeout: 60_000 });
    await ada.page.getByRole("list", { name: "Waiting people" }).getByText("Dee").waitFor({ timeout: 30_000 });
    await dee.shot("facilitation-waiting.png");
    await ada.shot("facilitation-waiting-admit.png");
    step("Dee waits");
    await ada.page.getByRole("button", { name: "Admit Dee" }).click();
    await dee.waitFor(JOINED, "Dee in the room once admitted", 120_000);
    await ada.waitFor(`window.__otc.participants().length === 4`, "Ada sees four people");
  }, 360_000);
});
