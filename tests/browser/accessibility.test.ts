// An automated accessibility check (axe-core, served from node_modules: nothing from the internet) on
// what a facilitator meets: the join screen, the room's desktop page with its panels open, and the
// console. Serious and critical violations fail; the rest are printed for whoever improves the pages.
// (A keyboard-only walk-through was written with the accessibility work; it failed 3 runs in 10 and is
// left out until its cause is found: see the a11y branch, commit c3310c3.)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { JOINED } from "../harness/client-page.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SESSION = "axe-check";
const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader|WebSocket/i } });
const ada = suite.person("Ada");

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

  it("the console has none", async () => {
    await ada.page.goto(`${suite.server.url}${await suite.server.signInPath()}`);
    await ada.page.getByRole("heading", { name: "New session" }).waitFor({ timeout: 30_000 });
    expect(await serious(ada.page, "console")).toEqual([]);
  });
});
