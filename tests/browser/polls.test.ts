// A facilitator (Ada, desktop) launches a poll with its results on the front screen; a desktop
// participant (Pablo) clicks an answer and a participant in an emulated Quest 3 (Ben, IWER) opens
// the hand menu's Polls tab, aims the right controller's ray at an option and pulls the trigger.
// The chart drawn on the screen shows both votes (test hook + screenshot); an open-text question's
// word cloud shows both words (Ben's typed on the VR keyboard); a countdown shows in the desktop HUD and on Ben's page, and chimes.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { vrMenu, type V3 } from "../harness/vr-menu.js";
import { waitUntil } from "../harness/wait.js";

interface Drawn {
  pollId: string;
  question: string;
  bars: Array<{ label: string; count: number }>;
  words: string[];
  responses: number;
}

const SESSION = "e2e-polls";
/** A limit, not a speed claim: three Chromiums with one in emulated VR on a 2-core box shared at load 50+ took 180–270 s per step. */
const LOADED_BOX_LIMIT_MS = 360_000;
const SCREEN: V3 = [0, 1.75, -5.94]; // training-room.json, screen "main"

const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader|WebSocket|AudioContext/i } });
// A browser each: pages of one browser share its GPU process and starve each other's rendering.
const ada = suite.person("Ada", { ownBrowser: true, lowPower: true });
const pablo = suite.person("Pablo", { ownBrowser: true, lowPower: true });
const ben = suite.person("Ben", { vr: true, ownBrowser: true, lowPower: true });

const vr = vrMenu(ben);
const { menu, press } = vr;
/** Unfolds Ada's poll form (it may already be open when an earlier step stopped half-way). */
async function openPollForm() {
  const panel = ada.page.getByLabel("Polls", { exact: true });
  const show = panel.getByRole("button", { name: "Show polls" });
  if (await show.isVisible()) await show.click();
  return panel;
}
const drawn = () => ada.hook<Drawn | undefined>("window.__otcPolls.drawn().main");

describe("polls, word clouds and the timer", () => {
  it("a facilitator and a participant on desktops, and a participant in VR with the Polls tab in the hand menu", async () => {
    await ada.join(await suite.server.invite(SESSION, "facilitator"));
    await pablo.join(await suite.server.invite(SESSION));
    await ben.join(await suite.server.invite(SESSION));
    await ben.enterVr();
    await vr.holdPose();
    await waitUntil(menu, (m) => m.tabs.includes("polls"), "the XR UI chunk never loaded", 120_000);
  }, LOADED_BOX_LIMIT_MS);

  it("a poll launched by the facilitator is answered on the desktop and in VR; the screen's chart shows 2 votes", async () => {
    const panel = await openPollForm();
    await panel.getByLabel("Question").fill("Which fruit?");
    await panel.getByLabel("Options, one per line").fill("Apple\nPear\nPlum");
    await panel.getByRole("button", { name: "Launch", exact: true }).click();

    await pablo.page.getByRole("button", { name: "Pear" }).click({ timeout: 30_000 });
    await pablo.page.getByText("Your answer: Pear").waitFor({ timeout: 30_000 }); // the server's word, not the click's

    await vr.pressMenuButton();
    await waitUntil(menu, (m) => m.open, "the hand menu did not open");
    await press("tab:polls");
    await waitUntil(menu, (m) => m.tab === "polls" && m.targets.some((t) => t.id === "polls:option:1" && t.visible), "the Polls tab showed no options");
    await press("polls:option:1");
    await ben.waitFor("window.__otcPolls.mine()[window.__otcPolls.state().polls.at(-1).id]?.choices?.[0] === 1", "Ben's answer accepted");

    const chart = await waitUntil(drawn, (d) => d?.bars.find((b) => b.label === "Pear")?.count === 2, "the screen's chart never showed 2 votes for Pear");
    expect(chart).toMatchObject({ question: "Which fruit?", responses: 2, bars: [{ label: "Apple", count: 0 }, { label: "Pear", count: 2 }, { label: "Plum", count: 0 }] });
    // Ben (in VR) sees the same chart drawn on the same screen
    await ben.waitFor("window.__otcPolls.drawn().main?.bars?.[1]?.count === 2", "Ben's screen shows 2 votes");
    await ben.shot("polls-vr-tab.png");
    await panel.getByRole("button", { name: "Hide" }).click(); // the form folds away: the screen shows
    await ada.hook(`otc.standAndLook(0, -2.2, [${SCREEN.join(",")}])`);
    await ada.waitFrames(4);
    await ada.shot("polls-chart.png");
    await pablo.page.getByRole("button", { name: "Apple" }).click(); // changing an answer replaces it
    await waitUntil(drawn, (d) => d?.bars[0]?.count === 1 && d.bars[1]?.count === 1 && d.responses === 2, "the changed answer did not replace the first");
  }, LOADED_BOX_LIMIT_MS);

  it("an open-text question fills a word cloud on the screen with both words", async () => {
    const panel = await openPollForm();
    await panel.getByLabel("Kind").selectOption("text");
    await panel.getByLabel("Question").fill("One word for teamwork?");
    await panel.getByRole("button", { name: "Launch", exact: true }).click();
    const answer = async (person: typeof ada, word: string) => {
      const box = person.page.getByRole("textbox", { name: "One word for teamwork?" });
      await box.fill(word, { timeout: 30_000 });
      await box.press("Enter");
    };
    await answer(pablo, "Trust");
    // Ben writes his word in VR on the Polls tab's on-screen keyboard.
    if (!(await menu()).open) await vr.pressMenuButton();
    await waitUntil(menu, (m) => m.open, "Ben's hand menu did not open");
    await press("tab:polls");
    for (const key of ["key:f", "key:u", "key:n", "key:send"]) await press(key);
    const cloud = await waitUntil(drawn, (d) => d?.question === "One word for teamwork?" && d.words.length === 2, "the word cloud never showed two words");
    expect([...(cloud?.words ?? [])].sort()).toEqual(["fun", "trust"]);
    await panel.getByRole("button", { name: "Hide" }).click();
    await ada.waitFrames(4);
    await ada.shot("polls-word-cloud.png");
  }, LOADED_BOX_LIMIT_MS); // Ben types his word key by key in VR: it ran past the 180 s default on the slow box of 2026-12-06

  it("a countdown shows in the desktop HUD and on the VR page, and chimes at the end", async () => {
    const hud = ada.page.getByLabel("Timer and agenda");
    await hud.getByRole("button", { name: "Timer & agenda" }).click();
    await hud.getByLabel("Minutes", { exact: true }).fill("0.05"); // 3 s
    await hud.getByLabel("Label", { exact: true }).fill("Pair work");
    await hud.getByRole("button", { name: "Start" }).click();
    const digits = await pablo.page.locator("[data-timer]").getAttribute("data-timer", { timeout: 30_000 });
    expect(digits).toMatch(/^0:0[0-3]$/);
    await pablo.page.getByText("Pair work").waitFor();
    await ben.waitFor("window.__otcTimer.state().timer?.label === 'Pair work'", "Ben's page has the timer");
    await pablo.waitFor("window.__otcTimer.chimes() === 1", "Pablo's chime at the end", 30_000);
    await pablo.page.getByText("Time is up").waitFor();
    await pablo.shot("polls-timer-hud.png");
  });
});
