// What the in-VR hand menu costs: in an emulated Quest 3 (IWER, headless SwiftShader) the draw calls
// and the JS time of each XR frame with the menu closed and then open (median over N frames each), and
// the size of the lazy XR UI chunk (gzip, with the chunks it alone pulls in). The desktop's first load
// is the bundle section's figure: the XR UI is not part of it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { joinFromDesktop } from "@otc/tests/harness/client-page.ts";
import { clientDist } from "@otc/tests/harness/paths.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";

export interface VrMenuFrames {
  frames: number;
  closed: { drawCalls: number; frameJsMs: number };
  open: { drawCalls: number; frameJsMs: number };
  extraDrawCalls: number;
  extraFrameJsMs: number;
}

export interface XrUiChunk {
  file: string;
  gzipKiB: number;
  /** The chunk and the chunks only it imports (not already loaded by the desktop experience). */
  withOwnImportsGzipKiB: number;
}

const STATIC = path.join(clientDist, "static");
const importsOf = (file: string) => [...readFileSync(path.join(STATIC, file), "utf8").matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);

function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of importsOf(file)) closure(f, seen);
  return seen;
}

const gzKiB = (files: Iterable<string>) => +([...files].reduce((s, f) => s + gzipSync(readFileSync(path.join(STATIC, f))).length, 0) / 1024).toFixed(1);

export function xrUiChunk(): XrUiChunk {
  const files = readdirSync(STATIC);
  const xrUi = files.find((f) => /^XrUi-.*\.js$/.test(f));
  const experience = files.find((f) => /^Experience-.*\.js$/.test(f));
  const main = files.find((f) => /^main-.*\.js$/.test(f));
  if (!xrUi || !experience || !main) throw new Error(`no XrUi/Experience/main chunk in ${STATIC}`);
  const already = new Set([...closure(main), ...closure(experience)]);
  const own = [...closure(xrUi)].filter((f) => f === xrUi || !already.has(f));
  return { file: xrUi, gzipKiB: gzKiB([xrUi]), withOwnImportsGzipKiB: gzKiB(own) };
}

type Sample = { calls: number; ms: number };
/** Frames in a row with the same draw-call count before the closed menu is measured. */
const SETTLED = 60;

/** Joins with an emulated headset, enters VR, and times `frames` XR frames with the hand menu closed, then open. */
export async function vrMenuFrames(frames: number): Promise<VrMenuFrames> {
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const invite = await server.invite("bench-vr-menu");
    const watched = await openWatchedPage(browser);
    const page = watched.page;
    await joinFromDesktop(page, server.url, invite, "Viewer", "xr=emulate");
    await page.getByRole("button", { name: "Enter VR" }).click({ timeout: 120_000 });
    await waitForPage(page, `window.__otc.xrStore.getState().session?.inputSources?.length === 2`, 60_000, "an immersive session");
    await page.evaluate(`(() => {
      const d = window.__otc.xrDevice;
      d.position.set(0, 1.6, 0); d.quaternion.set(0, 0, 0, 1);
      d.controllers.left.position.set(-0.15, 1.25, -0.35); d.controllers.left.quaternion.set(0, 0, 0, 1);
      // Time every XR frame callback (the whole frame: our useFrame work, uikit's updates and three's render submit).
      const s = window.__otc.xrStore.getState().session;
      const raf = s.requestAnimationFrame.bind(s);
      window.__benchFrames = [];
      s.requestAnimationFrame = (cb) => raf((t, f) => { const a = performance.now(); cb(t, f); window.__benchFrames.push({ ms: performance.now() - a, calls: window.__otc.renderInfo().calls }); });
    })()`);
    await waitForPage(page, `window.__otc.worldUi().tabs.length > 0`, 120_000, "the XR UI chunk");
    const measure = async (): Promise<Sample[]> => {
      await page.evaluate("window.__benchFrames = []");
      await waitForPage(page, `window.__benchFrames.length >= ${frames}`, 600_000, `${frames} XR frames`);
      return page.evaluate("window.__benchFrames.slice(0)") as Promise<Sample[]>;
    };
    const pressMenu = async () => {
      const wasOpen = (await page.evaluate("window.__otc.worldUi().open")) as boolean; // read before the press, which may toggle it at once
      await page.evaluate(`window.__otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 1)`);
      await waitForPage(page, `window.__otc.worldUi().open !== ${wasOpen}`, 30_000, "the menu to toggle");
      await page.evaluate(`window.__otc.xrDevice.controllers.left.updateButtonValue("thumbstick", 0)`);
    };
    // The controller models load from their profile a while after the session starts, each a few draw
    // calls: measuring before they are all in would charge them to the menu (the first trial's "+20").
    await waitForPage(page, `(() => { const f = window.__benchFrames.slice(-${SETTLED}); return f.length === ${SETTLED} && f.every((x) => x.calls === f[0].calls); })()`, 120_000, "draw calls settled with the menu closed");
    const closed = await measure();
    await pressMenu();
    await waitForPage(page, `window.__otc.worldUi().targets.some((t) => t.id === "me:mic" && t.visible)`, 60_000, "the menu's Me tab drawn");
    const open = await measure();
    const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(3);
    const summary = (s: Sample[]) => ({ drawCalls: median(s.map((x) => x.calls)), frameJsMs: median(s.map((x) => x.ms)) });
    const c = summary(closed);
    const o = summary(open);
    await watched.context.close();
    return { frames, closed: c, open: o, extraDrawCalls: o.drawCalls - c.drawCalls, extraFrameJsMs: +(o.frameJsMs - c.frameJsMs).toFixed(3) };
  } finally {
    await browser.close();
    await server.close();
  }
}
