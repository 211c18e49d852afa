// "Pull the network": a desktop user behind a proxy whose cable the test pulls. Within the
// reconnection window they get their seat back; past it, their avatar is removed.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openWatchedPage, waitForPage, type WatchedPage } from "../harness/chromium.js";
import { hook, joinFromDesktop } from "../harness/client-page.js";
import { startCuttableProxy, type CuttableProxy } from "../harness/cuttable-proxy.js";
import { startTestServer, type TestServer } from "../harness/test-server.js";

const WINDOW_S = 15; // shortened reconnection window for this test (the product uses 30 s); room for a loaded CI box

let server: TestServer;
let proxy: CuttableProxy;
let browser: Browser;
let ada: WatchedPage; // behind the proxy
let ben: WatchedPage; // direct

const peopleNamed = (p: WatchedPage, name: string) => p.page.getByRole("list", { name: /people/i }).getByRole("listitem").filter({ hasText: name });

beforeAll(async () => {
  server = await startTestServer({ reconnectWindowS: WINDOW_S });
  proxy = await startCuttableProxy(server.port);
  browser = await launchChromium();
  ada = await openWatchedPage(browser);
  ben = await openWatchedPage(browser);
  const invite = await server.invite("e2e-reconnect");
  await joinFromDesktop(ada.page, proxy.url, invite, "Ada");
  await joinFromDesktop(ben.page, server.url, invite, "Ben");
  // the SDK only retries a room that has been up a few seconds
  await ada.page.waitForTimeout(5500);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
});

describe("pulling the network", () => {
  it("shows Reconnecting…, then gives the same seat back without a duplicate", async () => {
    const selfId = await hook<string>(ada.page, "otc.selfId");
    await expect.poll(() => peopleNamed(ben, "Ada").count(), { timeout: 10_000 }).toBe(1);
    proxy.cut();
    await expect.poll(() => ada.page.getByText(/Reconnecting/i).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => hook<boolean>(ben.page, `otc.participants().find((p) => p.name === "Ada")?.connected`), { timeout: 10_000 }).toBe(false);
    proxy.restore();
    await waitForPage(ada.page, `window.__otc.status === "connected"`, 20_000);
    expect(await hook<string>(ada.page, "otc.selfId")).toBe(selfId);
    await expect.poll(() => hook<boolean>(ben.page, `otc.participants().find((p) => p.name === "Ada")?.connected`), { timeout: 10_000 }).toBe(true);
    expect(await peopleNamed(ben, "Ada").count()).toBe(1);
    expect(await hook<number>(ben.page, "otc.participants().length")).toBe(2);
  });

  it("removes the avatar once the window has passed, then joins the person again with the same invitation", async () => {
    const oldId = await hook<string>(ada.page, "otc.selfId");
    proxy.cut();
    await expect.poll(() => peopleNamed(ben, "Ada").count(), { timeout: (WINDOW_S + 10) * 1000 }).toBe(0);
    // The crowd renderer drops the avatar on its next frame (a few hundred ms under load).
    await expect.poll(() => hook<number>(ben.page, "otc.remoteAvatars().length"), { timeout: 10_000 }).toBe(0);
    expect(await ada.page.getByText(/Reconnecting/i).first().isVisible()).toBe(true);
    proxy.restore();
    await waitForPage(ada.page, `window.__otc.status === "connected" && window.__otc.selfId !== ${JSON.stringify(oldId)}`, 60_000);
    await expect.poll(() => peopleNamed(ben, "Ada").count(), { timeout: 10_000 }).toBe(1);
    expect(await hook<number>(ben.page, "otc.participants().length")).toBe(2);
    expect([...ada.blocked, ...ben.blocked]).toEqual([]);
  });
});
