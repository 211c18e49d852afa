import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags measured to give WebGL2 on SwiftShader headless and no traffic beyond this machine. */
const ARGS = [
  "--no-sandbox",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
];

/**
 * Voice tests add `--allow-loopback-in-peer-connection`: without it Chromium gathers no ICE candidates
 * on 127.0.0.1, so peer-to-peer audio between pages on one machine never connects. Inside the test
 * network namespace (a veth with 127.0.0.2) Chromium would also hide that address behind an mDNS name
 * nobody there can resolve; showing it plainly keeps every candidate pair usable.
 */
export const VOICE_ARGS = ["--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns"];

export async function launchChromium(opts: { args?: string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Debian chromium not found at ${CHROMIUM_PATH}: install it with 'apt-get install -y chromium' (the README's test command does this).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...ARGS, ...(opts.args ?? [])] });
}

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A page whose every request that would leave this machine is refused and recorded. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to fetch from anywhere but 127.0.0.1/localhost. Must stay empty. */
  blocked: string[];
  /** Uncaught page errors and console errors, for the failure message. */
  errors: string[];
}

export async function openWatchedPage(browser: Browser, viewport = { width: 960, height: 600 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, ignoreHTTPSErrors: true });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("websocket", (ws) => {
    const host = new URL(ws.url()).hostname;
    if (!LOCAL.has(host)) blocked.push(ws.url());
  });
  return { context, page, blocked, errors };
}

/** Polls `fn` in the page until it returns a truthy value or the deadline passes. */
export async function waitForPage<T>(page: Page, fn: string, timeoutMs = 30_000): Promise<T> {
  const handle = await page.waitForFunction(fn, undefined, { timeout: timeoutMs, polling: 100 });
  return (await handle.jsonValue()) as T;
}
