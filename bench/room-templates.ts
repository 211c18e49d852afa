// Per room template, seen from a desktop client at its first spawn point: draw calls, triangles,
// GPU textures and geometries (three's renderer.info), and the time from pressing Join to the
// first rendered frames (headless SwiftShader: only comparable between runs on this machine).
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";

export interface TemplateCost {
  template: string;
  drawCalls: number;
  triangles: number;
  textures: number;
  geometries: number;
  loadMs: number;
}

/** Quest-class budget the templates must stay within (issue: custom rooms). */
export const TEMPLATE_BUDGET = { drawCalls: 50, triangles: 100_000 };

interface Info {
  calls: number;
  triangles: number;
  textures: number;
  geometries: number;
  frames: number;
}

export async function roomTemplates(templates: string[]): Promise<TemplateCost[]> {
  const server = await startTestServer();
  const browser = await launchChromium();
  const out: TemplateCost[] = [];
  try {
    for (const template of templates) {
      const watched = await openWatchedPage(browser);
      const { page } = watched;
      await page.goto(`${server.url}${await server.invite(`bench-${template}`, "participant", template)}&testhooks=1`);
      await page.getByLabel("Display name").fill("Bench");
      const t0 = Date.now();
      await page.getByRole("button", { name: "Join", exact: true }).click();
      await waitForPage(page, `window.__otc && window.__otc.frames > 2`, 120_000);
      const loadMs = Date.now() - t0;
      await page.waitForTimeout(1500);
      const info = await page.evaluate(() => (window as unknown as { __otc: { renderInfo(): Info } }).__otc.renderInfo());
      out.push({ template, drawCalls: info.calls, triangles: info.triangles, textures: info.textures, geometries: info.geometries, loadMs });
      await watched.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
