// Draw calls and triangles per frame in the default room, seen from a desktop client, with
// K remote avatars standing in front of it (bots joined through @colyseus/sdk). Headless
// SwiftShader: the fps figure is software rendering, only comparable between runs here.
import { Client, type Room } from "@colyseus/sdk";
import { PROTOCOL_VERSION, TRAINING_ROOM } from "@otc/contract";
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { joinFromDesktop } from "@otc/tests/harness/client-page.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";

export interface RenderCost {
  remoteAvatars: number;
  drawCalls: number;
  triangles: number;
  fps: number;
}

interface RenderInfo {
  calls: number;
  triangles: number;
  frames: number;
}

export async function renderCost(counts: number[]): Promise<RenderCost[]> {
  const server = await startTestServer();
  const browser = await launchChromium();
  const out: RenderCost[] = [];
  try {
    for (const k of counts) {
      const sessionId = `render-${k}`;
      const sdk = new Client(server.url);
      const bots: Room[] = [];
      for (let i = 0; i < k; i++) {
        const room = await sdk.joinOrCreate(TRAINING_ROOM, { protocol: PROTOCOL_VERSION, sessionId, name: `Guest ${i + 1}`, colour: "#cc6633", device: "desktop" });
        const x = -5 + (i % 10) * 1.1;
        const z = -4 + Math.floor(i / 10) * 1.2;
        room.onMessage("*", () => undefined); // bots only stand there
        room.send("pose", { h: [x, 1.6, z, 0, 0, 0, 1], l: null, r: null, teleport: true });
        bots.push(room);
      }
      const watched = await openWatchedPage(browser);
      await joinFromDesktop(watched.page, server.url, sessionId, "Viewer");
      await waitForPage(watched.page, `window.__otc.remoteAvatars().length === ${k}`);
      await watched.page.waitForTimeout(1500);
      const a = await watched.page.evaluate(() => (window as unknown as { __otc: { renderInfo(): RenderInfo } }).__otc.renderInfo());
      await watched.page.waitForTimeout(2000);
      const b = await watched.page.evaluate(() => (window as unknown as { __otc: { renderInfo(): RenderInfo } }).__otc.renderInfo());
      out.push({ remoteAvatars: k, drawCalls: b.calls, triangles: b.triangles, fps: Math.round((b.frames - a.frames) / 2) });
      await watched.context.close();
      await Promise.all(bots.map((r) => r.leave(true).catch(() => undefined)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
