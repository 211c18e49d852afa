// Slide screens: time from a page turn on the presenter's page to the new page drawn on a second
// page (loopback, pdf.js render + texture upload, SwiftShader), and page-texture memory while the
// second page follows the presenter through a long deck (it must stay flat: 3 textures kept).
import { SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, type DeckSummary } from "@otc/contract";
import { makeNumberedPdf } from "@otc/server/src/test-support/test-pdf.ts";
import type { Page } from "playwright-core";
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { joinFromDesktop } from "@otc/tests/harness/client-page.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";

export interface SlidesPaging {
  pages: number;
  /** Page turn sent → new page drawn on the other page, ms. */
  latencyMs: { p50: number; p90: number; max: number };
  /** Page textures alive on the follower after the last page, and the most seen while paging. */
  liveTextures: number;
  maxLiveTextures: number;
  textureMiB: number;
  maxTextureMiB: number;
  /** Renderer-reported textures (all of the room) at the start and at the end. */
  rendererTextures: { start: number; end: number };
  /** JS heap of the follower page at the start and end, MiB (Chromium's performance.memory). */
  heapMiB: { start: number; end: number };
}

const ev = <T>(page: Page, body: string) => page.evaluate(body) as Promise<T>;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

export async function slidesPaging(pages = 200): Promise<SlidesPaging> {
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const presenter = await openWatchedPage(browser);
    const follower = await openWatchedPage(browser);
    const facInvite = await server.invite("slides-bench", "facilitator");
    await joinFromDesktop(presenter.page, server.url, facInvite, "Presenter");
    await joinFromDesktop(follower.page, server.url, await server.invite("slides-bench", "participant"), "Follower");
    const link = new URL(facInvite, server.url).searchParams.get("k")!;
    const res = await fetch(`${server.url}/slides/slides-bench/decks?name=long.pdf`, {
      method: "POST",
      body: Buffer.from(await makeNumberedPdf(pages, "Long deck")),
      headers: { [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: "bench-person-key-0123456789" },
    });
    const deck = (await res.json()) as DeckSummary;
    await ev(presenter.page, `window.__otcSlides.assign(${JSON.stringify(deck.id)}, "main")`);
    await waitForPage(follower.page, `window.__otcSlides.shown().main?.page === 1`, 120_000);
    const info = () => ev<{ textures: number; heap: number }>(follower.page, "({ textures: window.__otc.renderInfo().textures, heap: (performance.memory?.usedJSHeapSize ?? 0) / 1048576 })");
    const start = await info();
    const latencies: number[] = [];
    let maxLive = 0;
    let maxBytes = 0;
    for (let n = 2; n <= pages; n++) {
      const sent = await ev<number>(presenter.page, `(() => { window.__otcSlides.page("next", "main"); return performance.timeOrigin + performance.now(); })()`);
      await waitForPage(follower.page, `window.__otcSlides.shown().main?.page === ${n}`, 60_000);
      const shown = await ev<number>(follower.page, "performance.timeOrigin + window.__otcSlides.shown().main.t");
      latencies.push(shown - sent);
      const t = await ev<{ live: number; bytes: number }>(follower.page, "window.__otcSlides.textures()");
      maxLive = Math.max(maxLive, t.live);
      maxBytes = Math.max(maxBytes, t.bytes);
    }
    await follower.page.waitForTimeout(500); // the last prefetch settles
    const end = await info();
    const last = await ev<{ live: number; bytes: number }>(follower.page, "window.__otcSlides.textures()");
    const mib = (b: number) => Math.round((b / 1048576) * 10) / 10;
    return {
      pages,
      latencyMs: { p50: Math.round(pct(latencies, 50)), p90: Math.round(pct(latencies, 90)), max: Math.round(Math.max(...latencies)) },
      liveTextures: last.live,
      maxLiveTextures: maxLive,
      textureMiB: mib(last.bytes),
      maxTextureMiB: mib(maxBytes),
      rendererTextures: { start: start.textures, end: end.textures },
      heapMiB: { start: Math.round(start.heap), end: Math.round(end.heap) },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
