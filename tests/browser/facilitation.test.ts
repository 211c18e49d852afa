// A facilitator on a desktop (Ada), a participant in an emulated Quest 3 (Ben) and one on a desktop
// (Cleo). Ben raises his hand from the hand menu's Me tab before Cleo raises hers: Ada's queue lists
// Ben first; she calls on him (he has the floor) and ends his turn. Cleo's chat message, seen by all,
// is deleted by Ada and disappears for Ben and Cleo; Ben answers with a quick reply from the Chat tab and types
// "Ok" on its on-screen keyboard.
// Ada splits Ben, Cleo and Eve (a phone on the Node SDK) into breakout groups for 15 s, dragging Ben's name into an
// empty group with the mouse: they go and come back on their own, Ben in VR throughout; back in the main room, she shows
// the three groups' boards on the room's two boards, paging Next and Previous; then she gathers everyone round
// her (a 5 s countdown, then everyone moved). Ada makes Ben co-facilitator and locks the session: Dee's join page says
// she waits, Ada's panel lists her, Ben admits her from his hand menu in VR (aiming and pressing), and she is in. Ben then
// removes her from his VR People tab with a picked reason: she reads it, and joining again is refused.
import { describe, expect, it, onTestFinished } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { JOINED } from "../harness/client-page.js";
import { dragOnto } from "../harness/drag.js";
import { joinWithSdk } from "../harness/sdk-person.js";
import { vrMenu } from "../harness/vr-menu.js";
import { waitUntil } from "../harness/wait.js";

const SESSION = "e2e-facilitation";
const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader|WebSocket/i } });
// Every page low-power (desktop views at a capped rate; no shadows, no multisampling, in VR too) so
// that four software-rendered pages fit a small shared machine.
const ada = suite.person("Ada", { ownBrowser: true, lowPower: true });
const ben = suite.person("Ben", { vr: true, ownBrowser: true, lowPower: true });
const cleo = suite.person("Cleo", { lowPower: true });

const vr = vrMenu(ben);
const { press } = vr;
async function showTab(tab: string): Promise<void> {
  await press(`tab:${tab}`);
  await waitUntil(vr.menu, (m) => m.tab === tab, `tab ${tab} did not show`);
}

const started = Date.now();
/** Notes how far a slow run got (the machine these run on is shared). */
const step = (what: string) => console.log(`[facilitation ${Math.round((Date.now() - started) / 1000)} s] ${what}`);
const queue = () => ada.page.getByRole("list", { name: "Raised hands in order" }).getByRole("listitem").allTextContents();
/** Dee arrives in the waiting-room test and is removed in the next. */
let deePage: Awaited<ReturnType<typeof suite.openPerson>> | undefined;
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
    await vr.holdPose();
    await waitUntil(vr.menu, (m) => m.tabs.length > 0, "the XR UI chunk never loaded", 120_000);
    await vr.pressMenuButton();
    await waitUntil(vr.menu, (m) => m.open, "the hand menu did not open");
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
    step("quick reply seen; Ben types on the keyboard");
    await press("chat:keyboard");
    for (const key of ["key:shift", "key:O", "key:k"]) await press(key); // shift capitalises the next letter only
    // one draft behind both faces: the page's own chat box shows what the VR keyboard typed
    await waitUntil(() => ben.page.getByRole("textbox", { name: "Chat message" }).inputValue(), (d) => d === "Ok", "Ben's keyboard did not type Ok");
    await vr.screenshotTab("chat", "facilitation-chat-vr.png");
    await press("key:send");
    await waitUntil(() => chatTexts(ada), (t) => t.includes("Ok"), "Ada never saw the message Ben typed in VR");
    step("typed message seen");
    await ada.page.getByRole("button", { name: "Delete message from Cleo" }).click();
    for (const p of [ada, ben, cleo]) await waitUntil(() => chatTexts(p), (t) => !t.includes("wrong window, sorry") && t.includes("Yes"), `${p.name} still shows the deleted message`);
    await ada.shot("facilitation-chat.png");
  }, 360_000);

  it("a breakout with a short timer, Ben dragged to his group, sends Ben (VR), Cleo and Eve out and brings them back on their own, Ben still in VR; then Ada gathers them round her", async () => {
    const inVr = () => ben.page.evaluate(() => (window as unknown as { __otc: { xrStore: { getState(): { session: object | null } } } }).__otc.xrStore.getState().session !== null);
    const switches = (p: typeof ada) => p.hook<Array<{ from: string; to: string }>>("otc.roomSwitches()");
    // Eve, on her phone (the Node SDK: no page to pay for), makes a third person to send out: three groups, one
    // more than the main room has boards, so the gallery after has two pages.
    const eve = await joinWithSdk(suite.server.url, await suite.server.invite(SESSION), "Eve");
    let eveLeft = false;
    // If a step fails before she leaves, she leaves anyway: a fifth person left seated would fail every later count.
    onTestFinished(async () => void (eveLeft || (await eve.leave())));
    // Split only once all three are connected (the split deals those connected; a seat held through a dropped
    // connection is left out), and each is in a group of their own before the drag.
    await ada.waitFor(`window.__otc.participants().filter((p) => p.connected).length === 4`, "Ada does not see Eve, Ben and Cleo connected");
    await ada.page.getByRole("spinbutton", { name: "Groups" }).fill("4");
    await ada.page.getByRole("button", { name: "Split at random" }).click();
    const benGroup = ada.page.getByRole("combobox", { name: "Group of Ben" });
    await benGroup.waitFor({ timeout: 15_000 });
    const dealt = ada.page.locator(".dnd-groups").getByRole("group", { name: /^Group \d$/ });
    for (const name of ["Ben", "Cleo", "Eve"]) await dealt.getByText(name, { exact: true }).waitFor({ timeout: 15_000 });
    // Three people dealt round four groups leave group 4 empty: Ada drags Ben's name there with the mouse.
    const column = (n: number) => ada.page.getByRole("group", { name: `Group ${n}`, exact: true });
    const benName = ada.page.locator(".dnd-groups").getByText("Ben", { exact: true });
    await dragOnto(ada.page, benName, column(4), (c) => c.evaluate((el) => el.classList.contains("over")), "Ada drags Ben to group 4");
    await column(4).getByText("Ben", { exact: true }).waitFor({ timeout: 30_000 }); // the server's plan, back on her page
    expect(await benGroup.inputValue()).toBe("3");
    step("Ben dragged to group 4");
    await ada.page.getByRole("spinbutton", { name: "Minutes" }).fill("0.25"); // 15 s: the 30 s warning shows from the start
    await ada.page.getByRole("button", { name: "Start breakouts" }).click();
    step("breakout started");
    const group = /^e2e-facilitation-b1-g[123]$/;
    // Cleo sees her group and the warning while there (unless the loaded machine brought her back first).
    await waitUntil(() => switches(cleo), (s) => s.length >= 1, "Cleo never went to her group", 90_000);
    eveLeft = true;
    await eve.leave(); // her group exists (and its board with it); nobody needs her there
    const notice = cleo.page.getByRole("status", { name: "Breakout rooms" });
    if (await notice.isVisible()) await cleo.shot("facilitation-breakout-group.png");
    // Both come back on their own when the time is up; Ben's page never left VR.
    const [benTrip, cleoTrip] = await Promise.all([ben, cleo].map((p) => waitUntil(() => switches(p), (s) => s.length >= 2, `${p.name} never came back`, 120_000)));
    expect(benTrip!.map((s) => s.to)).toEqual([expect.stringMatching(group), SESSION]);
    expect(cleoTrip!.map((s) => s.to)).toEqual([expect.stringMatching(group), SESSION]);
    expect(benTrip![0]!.to).not.toBe(cleoTrip![0]!.to);
    expect(await inVr()).toBe(true);
    await waitUntil(() => ada.hook<Array<{ name: string; connected: boolean }>>("otc.participants()"), (ps) => ps.filter((p) => p.connected).length === 3, "Ada does not see Ben and Cleo back");
    await ada.page.getByRole("button", { name: "Start breakouts" }).waitFor({ timeout: 15_000 }); // the breakout is over for Ada too
    step("both back");
    await ada.page.getByRole("button", { name: "Show group boards" }).click();
    const front = ada.page.getByRole("combobox", { name: "Board front shows" });
    await waitUntil(() => front.inputValue(), (v) => v === "0", "Ada's front board never showed group 1's board"); // the server's gallery, back on her page
    await ada.shot("facilitation-gallery.png");
    // Three groups on two boards: Next shows group 3 on the front board and gives the side board back; Previous returns.
    const side = ada.page.getByRole("combobox", { name: "Board side shows" });
    await ada.page.getByText("Groups page 1 of 2").waitFor({ timeout: 15_000 });
    await ada.page.getByRole("button", { name: "Next groups" }).click();
    await waitUntil(() => Promise.all([front.inputValue(), side.inputValue()]), ([f, s]) => f === "2" && s === "-1", "Next groups did not show group 3 alone");
    await ada.page.getByText("Groups page 2 of 2").waitFor({ timeout: 15_000 });
    await ada.shot("facilitation-gallery-next.png");
    await ada.page.getByRole("button", { name: "Previous groups" }).click();
    await waitUntil(() => Promise.all([front.inputValue(), side.inputValue()]), ([f, s]) => f === "0" && s === "1", "Previous groups did not show groups 1 and 2 again");
    step("gallery paged");
    await ada.page.getByRole("button", { name: "Back to our boards" }).click();

    // Ada gathers everyone to her, allowing "stay here": a 5 s countdown on every page, and in Ben's hand
    // menu (Gather tab) a Stay here button; neither presses it, so Ben (VR) and Cleo stand round her.
    if (!(await vr.menu()).open) await vr.pressMenuButton(); // the trips may have closed it
    await waitUntil(vr.menu, (m) => m.open, "Ben's hand menu did not open");
    await showTab("gather");
    await ada.hook(`(otc.standAndLook(2.5, -1, [0, 1.6, -5]), true)`);
    await ada.waitFrames(5); // her pose reaches the server
    await ada.page.getByRole("checkbox", { name: 'Allow "stay here"' }).check();
    await ada.page.getByRole("button", { name: "Everyone to me" }).click();
    // Both at once: the countdown lasts 5 s, so one after the other could miss the second on a loaded machine.
    await Promise.all([
      waitUntil(vr.menu, (m) => m.targets.some((t) => t.id === "gather:stay" && t.visible), "Ben was not offered Stay here in VR", 15_000),
      cleo.page.getByRole("status", { name: "Gathering" }).waitFor({ timeout: 15_000 }).then(() => cleo.shot("facilitation-gather.png")),
    ]);
    const near = (p: typeof ada) => waitUntil(() => p.hook<number[]>("otc.localHead()"), (h) => Math.abs(Math.hypot(h[0]! - 2.5, h[2]! + 1) - 1.6) < 0.4, `${p.name} was not brought round Ada`, 60_000);
    await Promise.all([near(cleo), near(ben)]);
    expect(await inVr()).toBe(true);
    step("gathered");
  }, 360_000);

  it("the locked session's waiting room admits a third participant: Ben, made co-facilitator, admits Dee from his VR hand menu", async () => {
    await ada.page.getByRole("button", { name: "Make Ben co-facilitator" }).click();
    await ada.page.getByRole("checkbox", { name: /Lock the session/ }).click(); // shows the server's state: ticked once the room has locked
    await ada.page.getByText("Locked: newcomers wait").waitFor({ timeout: 15_000 });
    // Ben, now co-facilitator, has the Facilitate tab with the waiting room.
    await waitUntil(vr.menu, (m) => m.tabs.includes("facilitate"), "Ben's hand menu has no Facilitate tab once co-facilitator");
    if (!(await vr.menu()).open) await vr.pressMenuButton();
    await showTab("facilitate");
    const dee = (deePage = await suite.openPerson("Dee", { lowPower: true }));
    await dee.goto(await suite.server.invite(SESSION));
    await dee.page.getByLabel("Display name").fill("Dee", { timeout: 90_000 });
    await dee.page.getByRole("button", { name: "Join", exact: true }).click({ timeout: 90_000 });
    // A limit, not a speed claim: in stop 33's fresh run Dee was not told she waits within 60 s, four
    // software-rendered pages open (her connection check had just timed out a round trip). A join error
    // still fails here, and the suite logs the alert it shows.
    await dee.page.getByRole("status").filter({ hasText: "waiting room" }).waitFor({ timeout: 120_000 });
    await ada.page.getByRole("list", { name: "Waiting people" }).getByText("Dee").waitFor({ timeout: 60_000 });
    await dee.shot("facilitation-waiting.png");
    await ada.shot("facilitation-waiting-admit.png");
    step("Dee waits");
    const isAdmit = (t: { id: string; visible: boolean }) => t.id.startsWith("facilitate:admit:") && t.visible;
    const menu = await waitUntil(vr.menu, (m) => m.targets.some(isAdmit), "Ben's menu never offered to admit Dee");
    await vr.screenshotTab("facilitate", "facilitation-admit-vr.png");
    await press(menu.targets.find(isAdmit)!.id);
    await dee.waitFor(JOINED, "Dee in the room once Ben admitted her", 120_000);
    await ada.waitFor(`window.__otc.participants().length === 4`, "Ada sees four people");
    step("Dee admitted from VR");
  }, 480_000);

  it("Ben, co-facilitator in VR, removes Dee from his People tab with a picked reason: she reads it, and joining again is refused", async () => {
    // Remove opens a row of reasons, and pressing one removes her with it.
    const dee = deePage;
    if (!dee) throw new Error("Dee never arrived: the waiting-room test before this one failed");
    const deeId = await dee.page.evaluate(() => (window as unknown as { __otc: { selfId: string } }).__otc.selfId);
    await showTab("people");
    const offered = (id: string) => (m: { targets: { id: string; visible: boolean }[] }) => m.targets.some((t) => t.id === id && t.visible);
    await waitUntil(vr.menu, offered(`people:remove:${deeId}`), "Ben's People tab offered no Remove for Dee");
    await press(`people:remove:${deeId}`);
    await waitUntil(vr.menu, offered(`people:reason:disruptive:${deeId}`), "Remove offered no reasons");
    await vr.screenshotTab("people", "facilitation-remove-vr.png");
    await dee.waitFor(`window.__otc.voice.micLive === true`, "Dee's microphone open before she is removed", 60_000);
    await press(`people:reason:disruptive:${deeId}`);
    await dee.page.getByText(/removed you from this session.*\(Disruptive\)/).waitFor({ timeout: 60_000 });
    // Removed for good, her page keeps the notice and drops the room's panels and tools.
    await dee.page.getByLabel("People panel", { exact: true }).waitFor({ state: "detached", timeout: 30_000 });
    for (const panel of ["Whiteboard tools", "Learn the room"]) expect(await dee.page.getByLabel(panel, { exact: true }).count(), panel).toBe(0);
    expect(await dee.page.getByRole("button", { name: "Enter VR" }).count()).toBe(0);
    expect(await dee.page.getByRole("alert").filter({ hasText: "(Disruptive)" }).isVisible()).toBe(true);
    await ada.waitFor(`window.__otc.participants().length === 3`, "Ada sees Dee gone");
    await dee.waitFor(`window.__otc.voice.micLive === false`, "Dee's microphone closed once she is removed", 30_000);
    await dee.shot("facilitation-removed.png");
    step("Dee removed from VR with a reason");
    // Her person key is blocked: joining again is refused with the same words.
    await dee.goto(await suite.server.invite(SESSION));
    await dee.page.getByLabel("Display name").fill("Dee", { timeout: 90_000 });
    await dee.page.getByRole("button", { name: "Join", exact: true }).click({ timeout: 90_000 });
    await dee.page.getByText(/removed you from this session/).waitFor({ timeout: 60_000 });
    expect(await ada.page.evaluate(() => (window as unknown as { __otc: { participants(): unknown[] } }).__otc.participants().length)).toBe(3);
    step("Dee cannot rejoin");
  }, 360_000);
});
