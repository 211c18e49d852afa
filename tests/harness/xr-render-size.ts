import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { waitFrames } from "./client-page.js";

/**
 * The emulated headset's window. IWER sizes the canvas to the window once, when the session's layer
 * is set, and three never resizes it while presenting; each frame's eye viewports are worked out from
 * the canvas' size at that frame. Software rendering an emulated headset in a 960×600 window costs
 * ~180 % of a core for 5–7 frames/s; in 640×400 the same page draws 8–13 (tests/README.md). So a VR
 * person's window is `VR_WINDOW` unless the test gives one, and a screenshot taken in VR
 * (`sharpShot`) is taken at `SHOT_WINDOW`, canvas included, so that the menu's labels can be read.
 */
export const VR_WINDOW = { width: 640, height: 400 };
const SHOT_WINDOW = { width: 960, height: 600 };

type CanvasSize = { width: number; height: number; style?: [string, string] };

/** Sets the scene canvas' drawing buffer and CSS size (while in XR) to `size`; returns what it had, or null outside XR. */
async function sizeXrCanvas(page: Page, size: CanvasSize): Promise<CanvasSize | null> {
  return page.evaluate(`(() => {
    if (!window.__otc?.xrStore?.getState().session) return null;
    // three marks its canvases; the scene's is the largest one shown (IWER moved it into its container)
    const canvas = [...document.querySelectorAll("canvas[data-engine]")].filter((c) => c.offsetWidth > 0).sort((a, b) => b.offsetWidth * b.offsetHeight - a.offsetWidth * a.offsetHeight)[0];
    if (!canvas) return null;
    const had = { width: canvas.width, height: canvas.height, style: [canvas.style.width, canvas.style.height] };
    canvas.width = ${size.width}; canvas.height = ${size.height};
    // three set the canvas' CSS size in pixels when it last could (before the session)
    [canvas.style.width, canvas.style.height] = ${size.style ? JSON.stringify(size.style) : `["${size.width}px", "${size.height}px"]`};
    return had;
  })()`);
}

/**
 * A screenshot. In XR, in a window smaller than `SHOT_WINDOW`, the window and the drawing buffer are
 * raised to it for two rendered frames and the screenshot, then put back; otherwise a plain screenshot.
 */
export async function sharpShot(page: Page, file: string, opts: { fullPage?: boolean; timeout?: number } = {}): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const window = page.viewportSize();
  const small = window !== null && window.width < SHOT_WINDOW.width;
  const had = small ? await sizeXrCanvas(page, SHOT_WINDOW) : null;
  if (!had) return void (await page.screenshot({ path: file, ...opts }));
  try {
    await page.setViewportSize(SHOT_WINDOW);
    await waitFrames(page, 2, 60_000);
    await page.screenshot({ path: file, ...opts });
  } finally {
    await page.setViewportSize(window!);
    await sizeXrCanvas(page, had);
  }
}
