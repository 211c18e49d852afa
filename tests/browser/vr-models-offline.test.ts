// A headset on a Wi-Fi that drops while a controller or hand model is being fetched: the model is not
// drawn, and nothing else is lost. Ben's page (emulated Quest 3, IWER) is refused every controller and
// hand model from our profiles; he enters VR, opens the hand menu, and presses a tab with the
// controller's ray, then puts the controllers down and presses another with a pinch. Before, the
// failed fetch was thrown in render and React unmounted the whole room (a blank page in the headset;
// CI, stop 29: the pulled-cable test caught a model fetch in flight). Real client, real server, Chromium.
import { expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { vrMenu } from "../harness/vr-menu.js";
import { waitUntil } from "../harness/wait.js";

const suite = browserSuite();
const ben = suite.person("Ben", { vr: true, lowPower: true });
const vr = vrMenu(ben);

it("with every controller and hand model refused, Ben stays in the room in VR: the ray presses the hand menu, and so does a pinch", async () => {
  const refused: string[] = [];
  await ben.page.context().route(/\/xr-profiles\/.*\.glb$/, (route) => (refused.push(new URL(route.request().url()).pathname), route.abort("internetdisconnected")));
  await ben.join(await suite.server.invite("e2e-models-offline"));
  await ben.enterVr();
  await vr.holdPose();
  await waitUntil(async () => refused.length, (n) => n > 0, "the controllers' model was never asked for");
  await vr.pressMenuButton();
  await waitUntil(vr.menu, (m) => m.open, "the hand menu did not open");
  await vr.press("tab:me");
  await waitUntil(vr.menu, (m) => m.tab === "me", "the controller's ray did not press the Me tab");
  // Controllers down, hands tracked: the hand model is refused too, and the pinch still presses.
  const beforeHands = refused.length;
  await vr.set(`otc.xrDevice.primaryInputMode = "hand"`);
  await ben.waitFor(`[...window.__otc.xrStore.getState().session.inputSources].filter((s) => s.hand).length === 2`, "two tracked hands");
  await waitUntil(async () => refused.length, (n) => n > beforeHands, "the hands' model was never asked for");
  if (!(await vr.menu()).open) await vr.pressMenuButton();
  await vr.pinch("tab:people");
  await waitUntil(vr.menu, (m) => m.tab === "people", "a pinch did not press the People tab");
  expect(await ben.hook<boolean>("otc.xrStore.getState().session != null")).toBe(true);
  expect(await ben.hook<string>("otc.status")).toBe("connected");
  await ben.shot("vr-models-offline.png");
}, 240_000);
