import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { waitForPage, type WatchedPage } from "./chromium.js";
import { hook, joinFromDesktop, waitFrames } from "./client-page.js";
import { resultsDir } from "./paths.js";
import { sharpShot } from "./xr-render-size.js";

/** Who a person is, as the harness opens them. */
export interface PersonOptions {
  /** Opens pages with `?xr=emulate` (IWER's Quest 3) so `enterVr()` can put the headset on. */
  vr?: boolean;
  /** A microphone (a looped tone) and WebRTC on loopback: launched with `voiceArgs()`. */
  voice?: boolean;
  /** A phone: touch events and a coarse pointer (Playwright `hasTouch` + `isMobile`); give it a phone `viewport`. */
  touch?: boolean;
  /** Default 960×600; a VR person's 640×400 (`VR_WINDOW` in xr-render-size.ts: screenshots in VR are still 960×600). */
  viewport?: { width: number; height: number };
  /** Query added to every page this person opens; default `testhooks=1` (`xr=emulate` with `vr`). */
  query?: string;
  /** Adds the client's `lowpower=1` to the query (see tests/README.md): software-rendered pages share the machine's cores. */
  lowPower?: boolean;
  /** A Chromium of their own: pages of one browser share its GPU process and can starve each other. */
  ownBrowser?: boolean;
  /** Leave this person's page errors out of the suite's end-of-file check (see `SuiteOptions.pageErrors`). */
  ignoreErrors?: boolean;
}

export interface JoinOptions {
  colour?: string;
  /** Open the invitation through another origin (e.g. a cuttable proxy); default the test server. */
  baseUrl?: string;
  /** Anything else to set on the join screen before pressing Join (e.g. "Join muted"). */
  prepare?: () => Promise<void>;
}

/**
 * One person at their own browser: an isolated BrowserContext (cookies, storage and tab key of
 * their own) whose requests beyond 127.0.0.1 are refused and recorded. Declared persons are opened
 * by the suite before the first test and stay open across the file's tests.
 */
export class Person {
  private watched: WatchedPage | undefined;
  private closedAlready = false;

  constructor(
    readonly name: string,
    readonly options: PersonOptions,
    private readonly serverUrl: () => string,
  ) {}

  /** Called by the suite once the page is open. */
  attach(watched: WatchedPage): void {
    this.watched = watched;
  }

  private get w(): WatchedPage {
    if (!this.watched) throw new Error(`${this.name} is not open yet: declare persons at the top of the file (the suite opens them before the first test) or use suite.openPerson() inside a test`);
    return this.watched;
  }
  get page(): Page {
    return this.w.page;
  }
  get context(): BrowserContext {
    return this.w.context;
  }
  /** URLs this person's page tried to fetch beyond 127.0.0.1 (refused). */
  get blocked(): readonly string[] {
    return this.watched?.blocked ?? [];
  }
  get errors(): readonly string[] {
    return this.watched?.errors ?? [];
  }
  get isOpen(): boolean {
    return this.watched !== undefined && !this.closedAlready;
  }

  /** The person's query string (test hooks, or the emulated headset). */
  get query(): string {
    const query = this.options.query ?? (this.options.vr ? "xr=emulate" : "testhooks=1");
    return this.options.lowPower ? `${query}&lowpower=1` : query;
  }

  /** An address on the test server (or an absolute invitation) with this person's query added. */
  url(pathOrUrl: string, baseUrl?: string): string {
    const full = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${baseUrl ?? this.serverUrl()}${pathOrUrl}`;
    return `${full}${full.includes("?") ? "&" : "?"}${this.query}`;
  }

  /** Opens a page of the client (e.g. the join screen) without joining. */
  async goto(pathOrUrl: string, baseUrl?: string): Promise<void> {
    await this.page.goto(this.url(pathOrUrl, baseUrl), { timeout: 90_000 });
  }

  /** Opens an invitation, fills the join screen with this person's name, presses Join, waits until connected. */
  async join(invitePath: string, opts: JoinOptions = {}): Promise<void> {
    const absolute = /^https?:/.test(invitePath);
    await joinFromDesktop(this.page, absolute ? "" : (opts.baseUrl ?? this.serverUrl()), invitePath, this.name, this.query, opts.colour, opts.prepare);
  }

  /** Presses Enter VR (slow when the shared CPU is busy) and waits for both emulated controllers. */
  async enterVr(): Promise<void> {
    if (!this.options.vr) throw new Error(`${this.name} was not opened with { vr: true }`);
    const button = this.page.getByRole("button", { name: "Enter VR" });
    await button.click({ timeout: 120_000 });
    const entered = `window.__otc.xrStore.getState().session?.inputSources?.length === 2`;
    try {
      await this.waitFor(entered, "an immersive session with two controllers", 40_000);
    } catch (first) {
      // Once in a few hundred runs under load a press started no session and the page said nothing
      // (no alert, no page error). A person would press again; do that once, saying so, and fail
      // with the page's own words if the second press does no better.
      const alerts = await this.page.getByRole("alert").allTextContents();
      console.log(`${this.name}: no immersive session 40 s after pressing Enter VR (alerts: ${JSON.stringify(alerts)}); pressing it again`);
      if ((await button.count()) === 0) throw first;
      await button.click({ timeout: 30_000 });
      await this.waitFor(entered, `an immersive session after a second press (alerts after the first: ${JSON.stringify(alerts)})`, 60_000);
    }
  }

  /** Evaluates `body` in the page with `otc` bound to the client's test hook. */
  async hook<T>(body: string): Promise<T> {
    return hook<T>(this.page, body);
  }

  /** Waits until `condition` (page JavaScript) is truthy; a timeout names `what`, what was seen and the page's errors. */
  async waitFor<T = unknown>(condition: string, what: string, timeoutMs = 30_000): Promise<T> {
    return waitForPage<T>(this.page, condition, timeoutMs, `${this.name}: ${what}`);
  }

  /** Waits until the page has rendered `n` more frames (software rendering can be slow). */
  async waitFrames(n: number, timeoutMs?: number): Promise<void> {
    return waitFrames(this.page, n, timeoutMs);
  }

  /** Saves a screenshot as test-results/<fileName> (in VR at the window's full resolution: `sharpShot`). */
  async shot(fileName: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    await sharpShot(this.page, path.join(resultsDir, fileName), opts);
  }

  /** Closes this person's browser context (their blocked requests stay recorded for the suite's check). */
  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.closedAlready = true;
    await this.w.context.close();
  }
}
