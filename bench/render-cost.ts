// Draw calls, triangles and the avatar system's JS time per frame in the default room, seen from a
// desktop client standing at the back, with K remote avatars in front of it (bots joined through
// @colyseus/sdk, spread over the floor: the far rows drop to the cheaper level of detail). Headless
// SwiftShader: fps and milliseconds are software rendering on a shared CPU, only comparable between
// runs here. Also: what one uploaded VRM costs to load (fetch + parse) and to draw.
import { Client, type Room } from "@colyseus/sdk";
import { AVATAR_MODEL_ROUTE, AVATAR_SESSION_HEADER, AvatarMessage, CAPACITY_MAX, PROTOCOL_VERSION, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, TRAINING_ROOM, modelUploadResultSchema } from "@otc/contract";
import { buildTestVrm } from "@otc/avatars";
import type { Page } from "playwright-core";
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { joinFromDesktop } from "@otc/tests/harness/client-page.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";

export interface RenderCost {
  remoteAvatars: number;
  drawCalls: number;
  triangles: number;
  fps: number;
  /** The avatar system's update (sampling, LOD, IK, instancing, tags), ms per frame: median and 90th percentile (wall clock, so a busy shared CPU inflates the tail). */
  avatarJsMs: { median: number; p90: number };
  /** Avatars re-animated per frame on average (far ones update at a lower, staggered rate). */
  animatedPerFrame: number;
  nearAvatars: number;
  farAvatars: number;
}

export interface ModelCost {
  bytes: number;
  loadMs: number;
  extraDrawCalls: number;
}

interface Probe {
  calls: number;
  triangles: number;
  frames: number;
  ms: number;
  animated: number;
  near: number;
  far: number;
}

type Otc = {
  renderInfo(): { calls: number; triangles: number; frames: number };
  avatarStats(): { updateMs: number; updatedThisFrame: number; nearAvatars: number; farAvatars: number };
};

/** Samples the page's counters every animation frame for `ms`. */
async function sample(page: Page, ms: number): Promise<Probe[]> {
  return page.evaluate(async (duration) => {
    const otc = (window as unknown as { __otc: Otc }).__otc;
    const out: Probe[] = [];
    const end = performance.now() + duration;
    while (performance.now() < end) {
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const r = otc.renderInfo();
      const s = otc.avatarStats();
      out.push({ calls: r.calls, triangles: r.triangles, frames: r.frames, ms: s.updateMs, animated: s.updatedThisFrame, near: s.nearAvatars, far: s.farAvatars });
    }
    return out;
  }, ms);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(3);
}

async function joinBots(url: string, sessionId: string, k: number, link: string): Promise<Room[]> {
  const sdk = new Client(url);
  const bots: Room[] = [];
  for (let i = 0; i < k; i++) {
    const room = await sdk.joinOrCreate(TRAINING_ROOM, { protocol: PROTOCOL_VERSION, sessionId, name: `Guest ${i + 1}`, colour: "#cc6633", device: "desktop", link, personKey: `render-bench-person-${i}`.padEnd(22, "x") });
    const x = -6 + (i % 15) * 0.85; // metres: 15 to a row across the room
    const z = 3.6 - Math.floor(i / 15) * 0.95; // rows going away from the viewer at the back
    room.onMessage("*", () => undefined); // bots only stand there
    room.send("pose", { h: [x, 1.6, z, 0, 0, 0, 1], l: null, r: null, teleport: true });
    bots.push(room);
  }
  return bots;
}

/** How long each row settles and is sampled, ms (quick mode shortens both). */
export interface RenderWindows {
  settleMs: number;
  sampleMs: number;
}

export async function renderCost(counts: number[], windows: RenderWindows = { settleMs: 1500, sampleMs: 2500 }): Promise<{ rows: RenderCost[]; model: ModelCost }> {
  const server = await startTestServer();
  const browser = await launchChromium();
  const rows: RenderCost[] = [];
  let model: ModelCost = { bytes: 0, loadMs: 0, extraDrawCalls: 0 };
  try {
    for (const k of counts) {
      const sessionId = `render-${k}`;
      const invite = await server.invite(sessionId);
      await server.setCapacity(sessionId, CAPACITY_MAX); // more avatars than the room's seats
      const link = new URL(invite, server.url).searchParams.get("k")!;
      const bots = await joinBots(server.url, sessionId, k, link);
      const watched = await openWatchedPage(browser);
      await joinFromDesktop(watched.page, server.url, invite, "Viewer");
      await watched.page.evaluate(() => (window as unknown as { __otc: { standAndLook(x: number, z: number, t: number[]): void } }).__otc.standAndLook(0, 5.3, [0, 1.2, -2]));
      await waitForPage(watched.page, `window.__otc.remoteAvatars().length === ${k}`, 120_000);
      await watched.page.waitForTimeout(windows.settleMs);
      const probes = await sample(watched.page, windows.sampleMs);
      const last = probes.at(-1)!;
      const mean = (f: (p: Probe) => number) => probes.reduce((s, p) => s + f(p), 0) / probes.length;
      rows.push({
        remoteAvatars: k,
        drawCalls: last.calls,
        triangles: last.triangles,
        fps: Math.round((last.frames - probes[0]!.frames) / (windows.sampleMs / 1000)),
        avatarJsMs: { median: quantile(probes.map((p) => p.ms), 0.5), p90: quantile(probes.map((p) => p.ms), 0.9) },
        animatedPerFrame: +mean((p) => p.animated).toFixed(1),
        nearAvatars: last.near,
        farAvatars: last.far,
      });
      if (k === 0) model = await modelCost(server.url, watched.page, last.calls, sessionId, link);
      await watched.context.close();
      await Promise.all(bots.map((r) => r.leave(true).catch(() => undefined)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { rows, model };
}

/** One bot with an uploaded VRM joins the viewer's (otherwise empty) room: load time and draw calls it adds. */
async function modelCost(url: string, page: Page, baseCalls: number, sessionId: string, link: string): Promise<ModelCost> {
  const vrm = buildTestVrm();
  // Uploads need an invitation (session, link and person key), as the client sends them: strangers may not fill the disk.
  const res = await fetch(`${url}${AVATAR_MODEL_ROUTE}`, {
    method: "POST",
    body: new Uint8Array(vrm),
    headers: { "content-type": "application/octet-stream", [AVATAR_SESSION_HEADER]: sessionId, [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: "render-bench-uploader".padEnd(22, "x") },
  });
  if (res.status !== 201) throw new Error(`avatar upload refused: ${res.status} ${await res.text()}`);
  const { hash } = modelUploadResultSchema.parse(await res.json());
  const [bot] = await joinBots(url, sessionId, 1, link);
  bot!.send(AvatarMessage.model, { hash });
  await waitForPage(page, `window.__otc.modelLoads().length === 1 && window.__otc.remoteAvatars()[0]?.model === "model"`, 60_000);
  await page.waitForTimeout(1000);
  const loads = await page.evaluate(() => (window as unknown as { __otc: { modelLoads(): Array<{ ms: number }> } }).__otc.modelLoads());
  const probes = await sample(page, 500);
  await bot!.leave(true).catch(() => undefined);
  return { bytes: vrm.byteLength, loadMs: Math.round(loads[0]!.ms), extraDrawCalls: probes.at(-1)!.calls - baseCalls };
}
