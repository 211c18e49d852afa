// Per room template, seen from a desktop client at its first spawn point: draw calls, triangles,
// GPU textures and geometries (three's renderer.info), and the time from pressing Join to the
// first rendered frames (headless SwiftShader: only comparable between runs on this machine).
import { QUEST_BUDGET, type ModelReport } from "@otc/contract";
import { draftRoomFromReport } from "@otc/rooms";
import { makeOfficeGlb } from "@otc/server/src/test-support/gltf-fixture.ts";
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { startTestServer, type TestServer } from "@otc/tests/harness/test-server.ts";

export interface TemplateCost {
  template: string;
  drawCalls: number;
  triangles: number;
  textures: number;
  geometries: number;
  /** Textures' GPU memory, RGBA8 with mips, bytes (estimated by the client). */
  textureBytes: number;
  loadMs: number;
}

/** The room id of the imported row: the over-budget office fixture after "Make an optimised copy". */
export const IMPORTED_OFFICE = "imported-office";
const ADMIN = "bench-admin";

async function importOffice(server: TestServer): Promise<void> {
  const post = async (path: string, body: BodyInit, type: string) => {
    const res = await fetch(`${server.url}${path}`, { method: "POST", body, headers: { "content-type": type, authorization: `Bearer ${ADMIN}` } });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const glb = await makeOfficeGlb({ sculptureTriangles: 150_000, chairs: 60, textureSize: 4096 });
  const raw = (await post("/api/room-models", Buffer.from(glb), "model/gltf-binary")) as ModelReport;
  const optimised = (await post(`/api/room-models/${raw.modelId}/optimise`, "{}", "application/json")) as ModelReport;
  await post("/api/rooms", JSON.stringify(draftRoomFromReport(optimised, { id: IMPORTED_OFFICE, name: "Imported office" })), "application/json");
}

/** Quest-class budget the templates must stay within (issue: custom rooms); the same figures imports are held to. */
export const TEMPLATE_BUDGET = { drawCalls: QUEST_BUDGET.drawCalls, triangles: QUEST_BUDGET.triangles, textureMemoryBytes: QUEST_BUDGET.textureMemoryBytes };

interface Info {
  calls: number;
  triangles: number;
  textures: number;
  geometries: number;
  textureBytes: number;
  frames: number;
}

export async function roomTemplates(templates: string[]): Promise<TemplateCost[]> {
  const server = await startTestServer({ adminSecret: ADMIN });
  if (templates.includes(IMPORTED_OFFICE)) await importOffice(server);
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
      out.push({ template, drawCalls: info.calls, triangles: info.triangles, textures: info.textures, geometries: info.geometries, textureBytes: info.textureBytes, loadMs });
      await watched.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
