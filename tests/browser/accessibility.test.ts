// An automated accessibility check (axe-core, served from node_modules: nothing from the internet) on
// what a facilitator meets: the join screen, the room's desktop page with its panels open, and the
// console. Serious and critical violations fail; the rest are printed for whoever improves the pages.
// Ben then takes part with the keyboard alone (and reduced motion): join, skip to the room, walk, turn, recentre,
// raise his hand, open the shortcuts list, put a sticky note on the board in front and answer Ada's poll.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it, onTestFailed } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { JOINED } from "../harness/client-page.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SESSION = "axe-check";
const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader|WebSocket/i } });
const ada = suite.person("Ada");
const ben = suite.person("Ben", { ownBrowser: true }); // his own renderer: two software-rendered rooms in one browser starve each other

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on the page as it is now (WCAG 2.1 A/AA and best practices); returns every violation. */
async function axe(page: Page): Promise<Found[]> {
  await page.evaluate(AXE); // a string: evaluated by the browser's debugger, not by the page (its CSP has no eval)
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe.run;
    const result = await run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.map(String).join(" ")) }));
  });
}

/** Serious or critical violations (the failing ones); the others are printed. */
async function serious(page: Page, where: string): Promise<Found[]> {
  const all = await axe(page);
  const minor = all.filter((v) => v.impact !== "serious" && v.impact !== "critical");
  if (minor.length > 0) console.log(`axe, ${where}, minor:`, minor.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(", ")}`).join("; "));
  return all.filter((v) => v.impact === "serious" || v.impact === "critical");
}

describe("accessibility (axe-core)", () => {
  it("the join screen has no serious or critical violation", async () => {
    await ada.goto(await suite.server.invite(SESSION, "facilitator"));
    await ada.page.getByLabel("Display name").waitFor({ timeout: 90_000 });
    expect(await serious(ada.page, "join screen")).toEqual([]);
  });

  it("the room's desktop page, with the facilitation and chat panels open, has none", async () => {
    await ada.page.getByLabel("Display name").fill(ada.name);
    await ada.page.getByRole("button", { name: "Join", exact: true }).click();
    await ada.waitFor(JOINED, "Ada connected", 120_000);
    await ada.page.getByLabel("Facilitation panel").locator("summary").click({ timeout: 90_000 }); // shown once the room says she facilitates
    await ada.page.getByLabel("Chat panel").locator("summary").click({ timeout: 60_000 });
    await ada.page.getByText("No hand is up.").waitFor({ timeout: 60_000 });
    expect(await serious(ada.page, "room")).toEqual([]);
  });

  // Fifteen steps, each awaited on what Ben sees; about 90 s on a quiet machine, three times that on a saturated one.
  it("a keyboard alone joins, walks, turns, raises a hand, adds a note to a board and answers a poll", { timeout: 420_000 }, async () => {
    let at = "joining";
    onTestFailed(() => console.log(`keyboard walk-through: stopped while ${at}`)); // a timeout names no line
    const key = ben.page.keyboard;
    const focused = () => ben.page.evaluate(() => `${document.activeElement?.tagName ?? ""}|${document.activeElement?.id ?? ""}|${document.activeElement?.textContent?.trim() ?? ""}`);
    /** Presses Tab until the focus is on what `wanted` says (the focus order must reach it); at most 80 presses. */
    const tabTo = async (wanted: (f: string) => boolean, what: string) => {
      for (let i = 0; i < 80 && !wanted(await focused()); i++) await key.press("Tab");
      const at = await focused();
      expect(wanted(at), `${what}; the focus is on ${at}`).toBe(true);
    };
    await ben.page.emulateMedia({ reducedMotion: "reduce" });
    const invite = await suite.server.invite(SESSION);
    await ben.goto(`${invite}${invite.includes("?") ? "&" : "?"}bandwidth=normal`);
    await ben.waitFor("document.activeElement?.id !== undefined && document.activeElement === document.querySelector('.join-card input[type=text]')", "the name field focused on arrival", 90_000);
    await key.type("Ben");
    await key.press("Enter");
    await ben.waitFor(`(${JOINED}) || document.querySelector(".join-card .error") !== null`, "Ben joined with Enter, or was told why not", 120_000);
    if (!(await ben.hook<boolean>(`Boolean(${JOINED})`))) {
      // On a saturated box the seat reservation can expire before the socket opens; a person presses Enter again.
      console.log(`Ben: the join screen said "${await ben.page.locator(".join-card .error").textContent()}"; pressing Enter again`);
      await key.press("Enter");
      await ben.waitFor(JOINED, "Ben joined with Enter (second press)", 120_000);
    }

    at = "skipping to the room";
    await key.press("Tab"); // the first stop: the skip link
    expect(await focused()).toBe("A||Skip to the room");
    await key.press("Enter");
    expect(await focused()).toMatch(/^DIV\|room\|/);
    await ben.waitFor("document.documentElement.classList.contains('reduce-motion')", "the system's reduced motion followed");

    at = "walking back with S";
    const [x0, , z0] = await ben.hook<number[]>("otc.localHead()");
    // Back with S: every spawn point of the room faces desks a step ahead, and has at least 0.25 m behind it.
    // What the window heard (key, taken by a handler, target; blur), for the message if Ben does not move.
    await ben.page.evaluate(() => { const w = window as unknown as { heard: string[] }; w.heard = []; window.addEventListener("keydown", (e) => w.heard.push(`${e.code}:${e.defaultPrevented}:${(e.target as HTMLElement).id}`)); window.addEventListener("blur", () => w.heard.push("blur")); });
    await key.down("s");
    try {
      await ben.waitFor(`Math.hypot(window.__otc.localHead()[0] - ${x0}, window.__otc.localHead()[2] - ${z0}) > 0.2`, "Ben walked back with S", 90_000); // at most 0.16 m a frame, and a saturated box renders few
    } catch (e) {
      throw new Error(`${String(e)}; focus ${await focused()}; the window heard ${await ben.page.evaluate(() => JSON.stringify((window as unknown as { heard: string[] }).heard))}`);
    }
    await key.up("s");
    at = "turning and recentring";
    const yaw = () => ben.hook<number>("(() => { const [, y, , w] = otc.localHeadRotation(); return 2 * Math.atan2(y, w); })()");
    const before = await yaw();
    await key.press("q"); // reduced motion: one 30° snap to the left
    await ben.waitFor(`(() => { const [, y, , w] = window.__otc.localHeadRotation(); const d = 2 * Math.atan2(y, w) - ${before} - Math.PI / 6; return Math.abs(Math.atan2(Math.sin(d), Math.cos(d))) < 0.01; })()`, "Q turned Ben 30° left", 60_000);
    await key.press("r"); // recentre: facing the way he arrived again
    await ben.waitFor(`(() => { const [, y, , w] = window.__otc.localHeadRotation(); const d = 2 * Math.atan2(y, w) - ${before}; return Math.abs(Math.atan2(Math.sin(d), Math.cos(d))) < 0.01; })()`, "R turned Ben back to the front", 60_000);

    at = "raising the hand";
    const mirror = ben.page.getByRole("region", { name: "What is in the room" });
    await key.press("h");
    await mirror.getByText("Ben (you) — hand raised").waitFor({ state: "attached", timeout: 30_000 });
    expect(await mirror.getByText("Ada (Facilitator)").count()).toBe(1);
    expect(await mirror.textContent()).toMatch(/main: nothing shown/);

    at = "reading the shortcuts list";
    await key.press("?");
    const help = ben.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor({ timeout: 10_000 });
    expect(await help.getByRole("row", { name: /Turn left/ }).textContent()).toContain("Q");
    expect(await serious(ben.page, "shortcuts list")).toEqual([]);
    await key.press("Escape");
    await help.waitFor({ state: "hidden" });
    expect(await focused()).toMatch(/^DIV\|room\|/); // back where it was

    at = "adding a sticky note";
    await key.press("b"); // the board in front gets the tools, and the focus
    expect(await focused()).toMatch(/^SELECT\|/);
    await tabTo((f) => f === "BUTTON||Sticky note", "the sticky-note tool");
    await key.press("Enter");
    await tabTo((f) => f.startsWith("TEXTAREA"), "the note's text");
    await key.type("Typed, not drawn");
    await tabTo((f) => f === "BUTTON||Add the note to the board", "the add-note button");
    await key.press("Enter");
    await ben.waitFor("Object.values(window.__otc.whiteboard.boards()).some((b) => b.items.some((i) => i.k === 'n' && i.text === 'Typed, not drawn'))", "Ben's note on the board");

    at = "answering the poll";
    const panel = ada.page.getByLabel("Polls", { exact: true });
    const show = panel.getByRole("button", { name: "Show polls" });
    if (await show.isVisible()) await show.click();
    await panel.getByLabel("Question").fill("Which fruit?");
    await panel.getByLabel("Options, one per line").fill("Apple\nPear\nPlum");
    await panel.getByRole("button", { name: "Launch", exact: true }).click();
    await ben.page.getByRole("button", { name: "Pear" }).waitFor({ timeout: 30_000 });
    await tabTo((f) => f === "BUTTON||Pear", "the poll's answer Pear");
    await key.press("Space");
    await ben.page.getByText("Your answer: Pear").waitFor({ timeout: 30_000 }); // the server's word
    at = "turning mono audio on";
    // Mono audio from the Accessibility menu, by keyboard: the voice's master bus mixes to one channel, and the choice is kept.
    await tabTo((f) => f === "SUMMARY||Accessibility", "the Accessibility menu");
    await key.press("Enter");
    await tabTo((f) => f.startsWith("INPUT|") && f.endsWith("|"), "the mono audio checkbox");
    await key.press("Space");
    await ben.waitFor("window.__otc.voice.mono && JSON.parse(localStorage.getItem('otc.a11y')).monoAudio === true", "mono audio on, and kept");
    // The panels this walk opened that the room check above does not: board tools, the answered poll, the Accessibility menu.
    expect(await serious(ben.page, "board tools, poll and accessibility menu open")).toEqual([]);
    // A record to look at, not a check: on a saturated machine a software-rendered page can take over 30 s to capture.
    await ben.shot("keyboard-only.png").catch((e: unknown) => console.log(`keyboard-only.png not taken: ${String(e).split("\n")[0]}`));
    await ben.close(); // the console check next needs the machine more than Ben's software-rendered room
  });

  it("the console has none", async () => {
    await ada.page.goto(`${suite.server.url}${await suite.server.signInPath()}`);
    await ada.page.getByRole("heading", { name: "New session" }).waitFor({ timeout: 30_000 });
    expect(await serious(ada.page, "console")).toEqual([]);
  });
});
