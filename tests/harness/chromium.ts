import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { describePage } from "./wait.js";

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

/**
 * VOICE_ARGS plus a microphone that never pauses. Chromium's default fake microphone beeps (sound in
 * about 40 % of 43 ms analysis windows): on a loaded 2-core box a level read over CDP every second or
 * so can miss every beep for seconds and read a speaking person as silent. A looped 440 Hz tone
 * (RMS ≈ 0.21) makes every read of a live track show a level, so silence means silence.
 */
export function voiceArgs(): string[] {
  return [...VOICE_ARGS, `--use-file-for-fake-audio-capture=${toneWav()}`];
}

let tone: string | null = null;
function toneWav(): string {
  if (tone) return tone;
  const rate = 48_000;
  const n = rate * 2; // two seconds, looped by Chromium; 880 whole cycles, so the loop has no click
  const wav = Buffer.alloc(44 + n * 2);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + n * 2, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16); // PCM header size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 0.3 * 32767), 44 + i * 2);
  tone = path.join(mkdtempSync(path.join(tmpdir(), "otc-mic-")), "tone.wav");
  writeFileSync(tone, wav);
  return tone;
}

export async function launchChromium(opts: { args?: string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Debian chromium not found at ${CHROMIUM_PATH}: install it with 'apt-get install -y chromium' (the README's test command does this).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...ARGS, ...(opts.args ?? [])] });
}

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Each watched page's recorded errors, so that any wait on it can quote them when it times out. */
const recordedErrors = new WeakMap<Page, string[]>();

/** A page whose every request that would leave this machine is refused and recorded. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to fetch from anywhere but 127.0.0.1/localhost. Must stay empty. */
  blocked: string[];
  /** Uncaught page errors and console errors, for the failure message. */
  errors: string[];
}

export async function openWatchedPage(browser: Browser, viewport = { width: 960, height: 600 }, touch = false): Promise<WatchedPage> {
  // `touch`: a phone (touch events, `pointer: coarse`, the mobile viewport meta honoured).
  const context = await browser.newContext({ viewport, ignoreHTTPSErrors: true, ...(touch ? { hasTouch: true, isMobile: true } : {}) });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  recordedErrors.set(page, errors);
  // The first frames say where (a chunk and column of the built client) when the message alone does not.
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}${e.stack ? ` @ ${e.stack.split("\n").slice(1, 3).map((l) => l.trim()).join(" ")}` : ""}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("websocket", (ws) => {
    const host = new URL(ws.url()).hostname;
    if (!LOCAL.has(host)) blocked.push(ws.url());
  });
  return { context, page, blocked, errors };
}

/** The page's last recorded errors in one line ("none" if it has none), for failure messages. */
export function recentPageErrors(page: Page): string {
  const errors = recordedErrors.get(page) ?? [];
  return errors.length ? errors.slice(-8).join(" | ") : "none";
}

/**
 * Polls `fn` in the page until it returns a truthy value or the deadline passes. A timeout says
 * `what` was awaited, what the page showed instead (status, people, head, the condition's value)
 * and the page's recorded errors.
 */
export async function waitForPage<T>(page: Page, fn: string, timeoutMs = 30_000, what = fn): Promise<T> {
  try {
    // A function, not the string: Playwright compiles a string predicate with eval inside the page,
    // which our Content-Security-Policy forbids (as it should); a function is sent over CDP instead.
    const predicate = new Function(`return (${fn});`) as () => unknown;
    const handle = await page.waitForFunction(predicate, undefined, { timeout: timeoutMs, polling: 100 });
    return (await handle.jsonValue()) as T;
  } catch (e) {
    const cause = String(e).split("\n")[0];
    throw new Error(`waited ${timeoutMs / 1000} s for ${what}${what === fn ? "" : ` (${fn})`}; seen: ${await describePage(page, fn)}; page errors: ${recentPageErrors(page)}; ${cause}`);
  }
}
