// Draw calls, triangles and the avatar system's JS time per frame in the auditorium, seen from a
// desktop client standing at the back, with K remote avatars in front of it (bots joined through
// @colyseus/sdk, 20 to a row over the floor: the far rows drop to the cheaper levels of detail, the
// nearest 96 at most are drawn in full). Headless SwiftShader: fps and milliseconds are software
// rendering on a shared CPU, only comparable between runs here. Also: what one uploaded VRM costs to
// load (fetch + parse) and to draw.
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
  /** Animation frames sampled for this row. */
  frames: number;
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
  /** performance.now() of the frame, ms. */
  at: number;
}

type Otc = {
  renderInfo(): { calls: number; triangles: number; frames: number };
  avatarStats(): { updateMs: number; updatedThisFrame: number; nearAvatars: number; farAvatars: number };
};

/** Samples the page's counters every animation frame for at least `ms` and at least `frames` frames. */
async function sample(page: Page, ms: number, frames = 1): Promise<Probe[]> {
  return page.evaluate(async ([duration, minFrames]) => {
    const otc = (window as unknown as { __otc: Otc }).__otc;
    const out: Probe[] = [];
    const end = performance.now() + duration;
    while (performance.now() < end || out.length < minFrames) {
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const r = otc.renderInfo();
      const s = otc.avatarStats();
      out.push({ calls: r.calls, triangles: r.triangles, frames: r.frames, ms: s.updateMs, animated: s.updatedThisFrame, near: s.nearAvatars, far: s.farAvatars, at: performance.now() });
    }
    return out;
  }, [ms, frames] as const);
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
    const x = -10.5 + (i % 20) * 1.1; // metres: 20 to a row across the auditorium
    const z = 11 - Math.floor(i / 20) * 1.3; // rows going away from the viewer at the back, towards the stage
    room.onMessage("*", () => undefined); // bots only stand there
    room.send("pose", { h: [x, 1.6, z, 0, 0, 0, 1], l: null, r: null, teleport: true });
    bots.push(room);
  }
  return bots;
}

/** How long each row settles and is sampled, ms, and the fewest frames sampled (quick mode shortens them). */
export interface RenderWindows {
  settleMs: number;
  sampleMs: number;
  minFrames: number;
}

export async function renderCost(counts: number[], windows: RenderWindows = { settleMs: 1500, sampleMs: 2500, minFrames: 30 }): Promise<{ rows: RenderCost[]; model: ModelCost }> {
  const server = await startTestServer();
  const browser = await launchChromium();
  const rows: RenderCost[] = [];
  let model: ModelCost = { bytes: 0, loadMs: 0, extraDrawCalls: 0 };
  try {
    for (const k of counts) {
      const sessionId = `render-${k}`;
      const invite = await server.invite(sessionId, "participant", "auditorium");
      await server.setCapacity(sessionId, CAPACITY_MAX); // more avatars than the room's seats
      const link = new URL(invite, server.url).searchParams.get("k")!;
      const bots = await joinBots(server.url, sessionId, k, link);
      const watched = await openWatchedPage(browser);
      await joinFromDesktop(watched.page, server.url, invite, "Viewer");
      await watched.page.evaluate(() => (window as unknown as { __otc: { standAndLook(x: number, z: number, t: number[]): void } }).__otc.standAndLook(0, 13, [0, 1.2, -11]));
      await waitForPage(watched.page, `window.__otc.remoteAvatars().length === ${k}`, 120_000);
      await watched.page.waitForTimeout(windows.settleMs);
      const probes = await sample(watched.page, windows.sampleMs, windows.minFrames);
      const last = probes.at(-1)!;
      const sampledMs = probes.length > 1 ? last.at - probes[0]!.at : windows.sampleMs;
      const mean = (f: (p: Probe) => number) => probes.reduce((s, p) => s + f(p), 0) / probes.length;
      rows.push({
        remoteAvatars: k,
        drawCalls: last.calls,
        triangles: last.triangles,
        fps: +((last.frames - probes[0]!.frames) / (sampledMs / 1000)).toFixed(1),
        avatarJsMs: { median: quantile(probes.map((p) => p.ms), 0.5), p90: quantile(probes.map((p) => p.ms), 0.9) },
        animatedPerFrame: +mean((p) => p.animated).toFixed(1),
        nearAvatars: last.near,
        farAvatars: last.far,
        frames: probes.length,
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
