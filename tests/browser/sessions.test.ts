// A facilitator's first session: sign in to the console with the keyboard, create a session, open
// its facilitator link, let a participant in through the other link, then restart the server.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import type { Person } from "../harness/person.js";

const suite = browserSuite({ pageErrors: { ignore: /ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource/ } });
const consolePage = suite.person("Console");
const fatou = suite.person("Fatou");
const pablo = suite.person("Pablo");
const links = { participant: "", facilitator: "" };

const person = (p: Person, name: string) => p.page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: name });

describe("running a session from the console", () => {
  it("refuses the console without a sign-in and explains how to get one", async () => {
    await consolePage.page.goto(`${suite.server.url}/console`);
    await expect.poll(() => consolePage.page.getByText(/one-time sign-in link/).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it("signs in with the printed link and creates a session with the keyboard only", async () => {
    const { page } = consolePage;
    await page.goto(`${suite.server.url}${await suite.server.signInPath()}`);
    await page.getByRole("heading", { name: "New session" }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${suite.server.url}/console`); // the one-time token left the address bar
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
    expect(links.participant).toMatch(new RegExp(`^${suite.server.url}/s/induction-day-1-[a-z2-9]{6}\\?k=`));
    expect(links.facilitator).not.toBe(links.participant);
    expect(await page.getByRole("list", { name: "Sessions" }).getByText("Induction — day 1").isVisible()).toBe(true);
    await consolePage.shot("console.png");
  });

  it("prepares a breakout plan in the console, a name dragged from one group to the other", async () => {
    const { page } = consolePage;
    await page.getByRole("button", { name: "New plan" }).click();
    await page.getByLabel("Plan name").fill("Pairs");
    for (const name of ["Ada", "Ben"]) {
      await page.getByLabel("Name or person id to add to group 1").fill(name);
      await page.getByLabel("Name or person id to add to group 1").press("Enter");
    }
    const group = (n: number) => page.getByRole("group", { name: `Group ${n}`, exact: true });
    await group(1).getByText("Ben", { exact: true }).dragTo(group(2));
    await group(2).getByText("Ben", { exact: true }).waitFor({ timeout: 5_000 });
    await page.getByLabel("Room of group 2").selectOption("meeting-room");
    await consolePage.shot("console-breakout-plan.png");
    await page.getByRole("button", { name: "Save plan" }).click();
    await page.getByText("Plan saved.").waitFor({ timeout: 10_000 });
    expect(await page.getByText(/Pairs · 2 groups · 15 min · By names/).isVisible()).toBe(true);
  });

  it("the facilitator link and the participant link give each person their role badge", async () => {
    await fatou.join(links.facilitator);
    await pablo.join(links.participant);
    for (const viewer of [fatou, pablo]) {
      await expect.poll(() => person(viewer, "Pablo").count(), { timeout: 15_000 }).toBe(1);
      expect(await person(viewer, "Fatou").getByText("Facilitator", { exact: true }).isVisible()).toBe(true);
      expect(await person(viewer, "Pablo").getByText(/facilitator/i).count()).toBe(0);
    }
    // only the facilitator gets the promote button
    expect(await pablo.page.getByRole("button", { name: /co-facilitator/ }).count()).toBe(0);
    await fatou.page.getByRole("button", { name: "Make Pablo co-facilitator" }).click();
    await expect.poll(() => person(pablo, "Pablo").getByText("Co-facilitator").isVisible(), { timeout: 10_000 }).toBe(true);
    await fatou.shot("roles.png");
  });

  it("after a server restart both pages are back in the same session with the same roles", async () => {
    const sessionBefore = await fatou.hook<string>("otc.sessionId");
    await suite.server.restart();
    for (const p of [fatou, pablo]) await p.waitFor(`window.__otc.status === "connected" && window.__otc.participants().length === 2`, "back in the session with both people after the restart", 60_000);
    expect(await pablo.hook<string>("otc.sessionId")).toBe(sessionBefore);
    const roles = await fatou.hook<Record<string, string>>("Object.fromEntries(otc.participants().map((p) => [p.name, p.role]))");
    expect(roles).toEqual({ Fatou: "facilitator", Pablo: "co-facilitator" });
    await expect.poll(() => person(fatou, "Pablo").getByText("Co-facilitator").isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it("ending the session in the console tells the people in it", async () => {
    const { page } = consolePage;
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "End session" }).click();
    await page.getByRole("status").filter({ hasText: "Session ended." }).waitFor();
    await expect.poll(() => pablo.page.getByText("This session has ended.").first().isVisible(), { timeout: 15_000 }).toBe(true);
    await pablo.waitFor(`window.__otc.status === "disconnected"`, "Pablo disconnected from the ended session", 15_000);
  });
});
