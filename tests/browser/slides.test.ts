// A trainer presents: uploads a PDF from inside the room, it shows on the screen for a participant,
// the trainer pages and the participant follows, a participant's page turn is refused until they
// are made presenter, a late joiner and a reloaded page are in sync, and a restart keeps the page.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeNumberedPdf } from "@otc/server/src/test-support/test-pdf.ts";
import { launchChromium, openWatchedPage, waitForPage, type WatchedPage } from "../harness/chromium.js";
import { joinFromDesktop } from "../harness/client-page.js";
import { resultsDir } from "../harness/paths.js";
import { startTestServer, type TestServer } from "../harness/test-server.js";

let server: TestServer;
let browsers: Browser[] = [];
let fatou: WatchedPage;
let pablo: WatchedPage;
let lena: WatchedPage | undefined;
const deckFile = path.join(tmpdir(), `otc-slides-${process.pid}.pdf`);
const SESSION = "slides-demo";
const SCREEN = [0, 1.75, -5.94] as const; // training-room.json, screen "main"

const slides = <T>(page: Page, body: string) => page.evaluate(`(() => { const s = window.__otcSlides; return ${body}; })()`) as Promise<T>;
const shownPage = (page: Page) => slides<number | null>(page, "s && s.shown().main ? s.shown().main.page : null");
const epochNow = (page: Page) => page.evaluate("performance.timeOrigin + performance.now()") as Promise<number>;
const lookAtScreen = (page: Page) => page.evaluate(`window.__otc.standAndLook(0, -2.2, [${SCREEN.join(",")}])`);

beforeAll(async () => {
  await writeFile(deckFile, await makeNumberedPdf(24, "Induction"));
  server = await startTestServer();
  // A browser each: pages of one browser share its GPU process and starve each other's rendering.
  browsers = [await launchChromium(), await launchChromium(), await launchChromium()];
  fatou = await openWatchedPage(browsers[0]!);
  pablo = await openWatchedPage(browsers[1]!);
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

describe("slide screens", () => {
  it("the facilitator uploads a PDF in the room and the participant sees page 1 on the screen", async () => {
    await joinFromDesktop(fatou.page, server.url, await server.invite(SESSION, "facilitator"), "Fatou");
    await joinFromDesktop(pablo.page, server.url, await server.invite(SESSION, "participant"), "Pablo");
    expect(await pablo.page.getByLabel("Slides").count()).toBe(0); // no presenter panel for a participant
    await fatou.page.getByLabel("Upload a deck").setInputFiles(deckFile);
    await waitForPage(pablo.page, `window.__otcSlides.shown().main?.page === 1`, 60_000);
    // a drawn page (light background, a big dark number), not a blank or black texture
    const luma = await slides<number>(pablo.page, "s.shown().main.luma");
    expect(luma).toBeGreaterThan(0.4);
    expect(luma).toBeLessThan(0.97);
    expect(await slides(pablo.page, "s.screens().main")).toMatchObject({ deckName: expect.stringMatching(/^otc-slides-/), page: 1, pageCount: 24 });
    expect(await fatou.page.getByTestId("slides-counter").textContent()).toBe("1 / 24");
  });

  it("the facilitator pages with the button and PageDown; the participant follows", async () => {
    await fatou.page.getByRole("button", { name: "Next slide" }).click();
    await waitForPage(pablo.page, `window.__otcSlides.shown().main?.page === 2`, 30_000);
    await fatou.page.keyboard.press("PageDown"); // what a presentation clicker sends
    await waitForPage(pablo.page, `window.__otcSlides.shown().main?.page === 3`, 30_000);
    // page change → visible on the other page (loopback, software rendering), over a few turns
    const latencies: number[] = [];
    for (const target of [4, 5, 6, 7]) {
      const sent = await epochNow(fatou.page);
      await slides(fatou.page, `s.page("next")`);
      await waitForPage(pablo.page, `window.__otcSlides.shown().main?.page === ${target}`, 30_000);
      const shown = await pablo.page.evaluate("performance.timeOrigin + window.__otcSlides.shown().main.t") as number;
      latencies.push(Math.round(shown - sent));
    }
    console.log(`slides: page change → visible on a second page: ${latencies.join(", ")} ms`);
    await lookAtScreen(pablo.page);
    await pablo.page.waitForTimeout(1500);
    await pablo.page.screenshot({ path: path.join(resultsDir, "slides-participant-page-7.png") });
    const t = await slides<{ live: number; rendered: number; disposed: number }>(pablo.page, "s.textures()");
    expect(t.live).toBeLessThanOrEqual(3); // current, next and previous page only
    expect(t.disposed).toBeGreaterThan(0);
  });

  it("a participant's page turn is refused with a clear message and nothing changes", async () => {
    await slides(pablo.page, `s.page("next")`);
    await expect.poll(() => pablo.page.getByText(/only the presenter can change slides/).isVisible(), { timeout: 15_000 }).toBe(true);
    await pablo.page.keyboard.press("PageDown"); // no panel, no key handler: nothing is sent
    await pablo.page.waitForTimeout(500);
    expect(await shownPage(fatou.page)).toBe(7);
    expect(await shownPage(pablo.page)).toBe(7);
  });

  it("made presenter, the participant pages with PageDown; the laser pointer shows for others", async () => {
    await fatou.page.getByText("Presenters").click();
    await fatou.page.getByLabel("Pablo may change slides").click(); // checked once the server's grant arrives
    await waitForPage(pablo.page, `window.__otcSlides.canPage()`, 15_000);
    await pablo.page.keyboard.press("PageDown");
    await waitForPage(fatou.page, `window.__otcSlides.shown().main?.page === 8`, 30_000);
    await slides(pablo.page, `s.point("main", [0.25, 0.3])`);
    await waitForPage(fatou.page, `window.__otcSlides.pointer("main") !== null`, 10_000);
    expect(await slides(fatou.page, `s.pointer("main")`)).toEqual([0.25, 0.3]);
  });

  it("a late joiner and a reloaded page show the current page", async () => {
    lena = await openWatchedPage(browsers[2]!, { width: 480, height: 300 }); // small: a third software-rendered page on a shared CPU
    await joinFromDesktop(lena.page, server.url, await server.invite(SESSION, "participant"), "Lena");
    // The late joiner draws the current page (not only knows its number).
    await waitForPage(lena.page, `window.__otcSlides.shown().main?.page === 8`, 60_000).catch(async (e: unknown) => {
      const state = await lena!.page.evaluate("JSON.stringify({ s: window.__otcSlides?.screens(), shown: window.__otcSlides?.shown(), loads: window.__otcSlides?.loads(), trace: window.__otcSlides?.trace() })");
      throw new Error(`late joiner not in sync: ${String(state)}; errors: ${lena!.errors.join(" | ")}; ${String(e)}`);
    });
    expect(await slides<number>(lena.page, "s.shown().main.luma")).toBeGreaterThan(0.4);
    await lena.context.close();
    await pablo.page.reload();
    await pablo.page.getByLabel("Display name").fill("Pablo", { timeout: 60_000 });
    await pablo.page.getByRole("button", { name: "Join", exact: true }).click();
    await waitForPage(pablo.page, `window.__otcSlides?.shown().main?.page === 8`, 60_000);
    expect(await slides(pablo.page, "s.canPage()")).toBe(true); // the grant belongs to the person (same tab key)
  });

  it("a server restart keeps the deck and the page", async () => {
    await server.restart();
    for (const p of [fatou, pablo]) await waitForPage(p.page, `window.__otc.status === "connected" && window.__otcSlides?.screens().main?.page === 8`, 90_000);
    await slides(fatou.page, `s.page(12)`);
    await waitForPage(pablo.page, `window.__otcSlides.screens().main?.page === 12`, 30_000);
    await lookAtScreen(pablo.page);
    await waitForPage(pablo.page, `window.__otcSlides.shown().main?.page === 12`, 60_000); // drawn, not "Loading page 12…"
    await pablo.page.waitForTimeout(1500);
    await pablo.page.screenshot({ path: path.join(resultsDir, "slides-after-restart-page-12.png") });
    await fatou.page.screenshot({ path: path.join(resultsDir, "slides-presenter.png") });
    expect([...fatou.blocked, ...pablo.blocked, ...(lena?.blocked ?? [])]).toEqual([]);
    const errors = [...fatou.errors, ...pablo.errors].filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource/.test(e));
    expect(errors).toEqual([]);
  });
});
