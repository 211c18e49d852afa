import type { Page } from "playwright-core";
import { waitForPage } from "./chromium.js";

/** Hook the client exposes on window with ?testhooks=1 or ?xr=emulate (see apps/client/src/features/testing). */
export interface OtcHook {
  frames: number;
  status: string;
  selfId: string;
  participants(): Array<{ id: string; name: string; device: string; role: string; connected: boolean }>;
  remoteAvatars(): Array<{ id: string; head: number[]; left: number[] | null; right: number[] | null }>;
  localHead(): number[];
}

/**
 * Opens an invitation (`/s/<id>?k=…`, from `TestServer.invite`), fills in the join screen as a person
 * would, and waits until connected.
 */
export async function joinFromDesktop(
  page: Page,
  baseUrl: string,
  invitePath: string,
  name: string,
  query = "testhooks=1",
  colour?: string,
  /** Anything else to set on the join screen before pressing Join (e.g. "Join muted"). */
  prepare?: () => Promise<void>,
): Promise<void> {
  // Generous timeouts: on a shared 2-core machine several software-rendered pages can starve each other.
  await page.goto(`${baseUrl}${invitePath}${invitePath.includes("?") ? "&" : "?"}${query}`, { timeout: 90_000 });
  await page.getByLabel("Display name").fill(name, { timeout: 90_000 });
  if (colour) await page.getByLabel("Avatar colour").fill(colour, { timeout: 90_000 });
  await prepare?.();
  await page.getByRole("button", { name: "Join", exact: true }).click({ timeout: 90_000 });
  await waitForPage(page, `window.__otc && window.__otc.status === "connected" && window.__otc.selfId !== ""`, 120_000);
}

export function hook<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(() => { const otc = window.__otc; return ${body}; })()`) as Promise<T>;
}

/** Waits until the page has rendered `n` more frames (software rendering can be slow). */
export async function waitFrames(page: Page, n: number): Promise<void> {
  const start = await hook<number>(page, "otc.frames");
  await waitForPage(page, `window.__otc.frames >= ${start + n}`);
}
