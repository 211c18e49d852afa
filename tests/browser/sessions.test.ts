// A facilitator's first session: sign in to the console with the keyboard, create a session, open
// its facilitator link, let a participant in through the other link, then restart the server.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openWatchedPage, waitForPage, type WatchedPage } from "../harness/chromium.js";
import { hook, joinFromDesktop } from "../harness/client-page.js";
import { resultsDir } from "../harness/paths.js";
import { startTestServer, type TestServer } from "../harness/test-server.js";

let server: TestServer;
let browser: Browser;
let consolePage: WatchedPage;
let fatou: WatchedPage;
let pablo: WatchedPage;
const links = { participant: "", facilitator: "" };

const person = (p: WatchedPage, name: string) => p.page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: name });

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  consolePage = await openWatchedPage(browser);
  fatou = await openWatchedPage(browser);
  pablo = await openWatchedPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("running a session from the console", () => {
  it("refuses the console without a sign-in and explains how to get one", async () => {
    await consolePage.page.goto(`${server.url}/console`);
    await expect.poll(() => consolePage.page.getByText(/one-time sign-in link/).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it("signs in with the printed link and creates a session with the keyboard only", async () => {
    const { page } = consolePage;
    await page.goto(`${server.url}${await server.signInPath()}`);
    await page.getByRole("heading", { name: "New session" }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${server.url}/console`); // the one-time token left the address bar
    await page.getByLabel("Title").focus();
    await page.keyboard.type("Induction — day 1");
    await page.keyboard.press("Tab"); // room
    await page.keyboard.press("Tab"); // language
    await page.keyboard.press("End"); // Español, the last option
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab"); // back in the title field
    await page.keyboard.press("Enter"); // submits the form
    await page.getByRole("heading", { name: "Induction — day 1" }).waitFor();
    expect(await page.getByText(/ · Español/).isVisible()).toBe(true); // the session details, not the select option
    links.participant = await page.getByLabel("Participant link").inputValue();
    links.facilitator = await page.getByLabel("Facilitator link").inputValue();
    expect(links.participant).toMatch(new RegExp(`^${server.url}/s/induction-day-1-[a-z2-9]{6}\\?k=`));
    expect(links.facilitator).not.toBe(links.participant);
    expect(await page.getByRole("list", { name: "Sessions" }).getByText("Induction — day 1").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(resultsDir, "console.png") });
  });

  it("the facilitator link and the participant link give each person their role badge", async () => {
    await joinFromDesktop(fatou.page, "", links.facilitator, "Fatou");
    await joinFromDesktop(pablo.page, "", links.participant, "Pablo");
    for (const viewer of [fatou, pablo]) {
      await expect.poll(() => person(viewer, "Pablo").count(), { timeout: 15_000 }).toBe(1);
      expect(await person(viewer, "Fatou").getByText("Facilitator", { exact: true }).isVisible()).toBe(true);
      expect(await person(viewer, "Pablo").getByText(/facilitator/i).count()).toBe(0);
    }
    // only the facilitator gets the promote button
    expect(await pablo.page.getByRole("button", { name: /co-facilitator/ }).count()).toBe(0);
    await fatou.page.getByRole("button", { name: "Make Pablo co-facilitator" }).click();
    await expect.poll(() => person(pablo, "Pablo").getByText("Co-facilitator").isVisible(), { timeout: 10_000 }).toBe(true);
    await fatou.page.screenshot({ path: path.join(resultsDir, "roles.png") });
  });

  it("after a server restart both pages are back in the same session with the same roles", async () => {
    const sessionBefore = await hook<string>(fatou.page, "otc.sessionId");
    await server.restart();
    for (const p of [fatou, pablo]) await waitForPage(p.page, `window.__otc.status === "connected" && window.__otc.participants().length === 2`, 60_000);
    expect(await hook<string>(pablo.page, "otc.sessionId")).toBe(sessionBefore);
    const roles = await hook<Record<string, string>>(fatou.page, "Object.fromEntries(otc.participants().map((p) => [p.name, p.role]))");
    expect(roles).toEqual({ Fatou: "facilitator", Pablo: "co-facilitator" });
    await expect.poll(() => person(fatou, "Pablo").getByText("Co-facilitator").isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it("ending the session in the console tells the people in it", async () => {
    const { page } = consolePage;
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "End session" }).click();
    await page.getByRole("status").filter({ hasText: "Session ended." }).waitFor();
    await expect.poll(() => pablo.page.getByText("This session has ended.").first().isVisible(), { timeout: 15_000 }).toBe(true);
    await waitForPage(pablo.page, `window.__otc.status === "disconnected"`, 15_000);
    expect([...consolePage.blocked, ...fatou.blocked, ...pablo.blocked]).toEqual([]);
    expect([...consolePage.errors, ...fatou.errors, ...pablo.errors].filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource/.test(e))).toEqual([]);
  });
});
