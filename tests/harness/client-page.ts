import type { Page } from "playwright-core";
import { recentPageErrors, waitForPage } from "./chromium.js";

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
  // The join screen's connection check can read a loaded test machine as a slow link and pre-tick
  // low bandwidth (no room model, head-only far avatars): a test that wants that mode says so itself.
  const pinned = /(^|&)bandwidth=/.test(query) ? query : `${query}&bandwidth=normal`;
  await page.goto(`${baseUrl}${invitePath}${invitePath.includes("?") ? "&" : "?"}${pinned}`, { timeout: 90_000 });
  await page.getByLabel("Display name").fill(name, { timeout: 90_000 });
  if (colour) await page.getByLabel("Avatar colour").fill(colour, { timeout: 90_000 });
  await prepare?.();
  await page.getByRole("button", { name: "Join", exact: true }).click({ timeout: 90_000 });
  await waitForPage(page, JOINED, 120_000, `${name} to be connected after pressing Join`);
}

/**
 * True once the page is connected with a seat. Also notes (once) the page time it was first seen so,
 * for tests that must know how long the room has been up (the SDK's reconnection `minUptime`).
 */
export const JOINED = `window.__otc && window.__otc.status === "connected" && window.__otc.selfId !== "" && (window.__otcJoinSeenAt ??= performance.now(), true)`;

/** A playwright Page, or anything that holds one (a harness Person). */
export type PageLike = Page | { readonly page: Page };
export const pageOf = (p: PageLike): Page => ("page" in p ? p.page : p);

/**
 * Evaluates `body` in the page with `otc` bound to its test hooks. A page without them (the room view
 * gone: an uncaught error unmounted it, or the page left) fails saying so, with the page's errors and
 * the start of what it shows, not with a bare TypeError.
 */
export async function hook<T>(p: PageLike, body: string): Promise<T> {
  const page = pageOf(p);
  const result = (await page.evaluate(`(() => { const otc = window.__otc; if (!otc) return { __noHooks: true, text: (document.body?.innerText ?? "").slice(0, 300) }; return ${body}; })()`)) as T;
  if (result !== null && typeof result === "object" && "__noHooks" in result) {
    const text = (result as unknown as { text: string }).text.replace(/\s+/g, " ");
    throw new Error(`the page at ${page.url()} has no test hooks (no room view) while evaluating ${body.slice(0, 80)}; it shows: "${text}"; page errors: ${recentPageErrors(page)}`);
  }
  return result;
}

/** Waits until the page has rendered `n` more frames (software rendering can be slow). */
export async function waitFrames(p: PageLike, n: number, timeoutMs = 30_000): Promise<void> {
  const start = await hook<number>(p, "otc.frames");
  await waitForPage(pageOf(p), `window.__otc.frames >= ${start + n}`, timeoutMs, `${n} more rendered frames after frame ${start}`);
}

/** The avatar that page `p` draws for the participant named `name` (undefined until it does). */
export function avatarOf<T = ReturnType<OtcHook["remoteAvatars"]>[number]>(p: PageLike, name: string): Promise<T | undefined> {
  return hook<T | undefined>(p, `(() => { const who = otc.participants().find((x) => x.name === ${JSON.stringify(name)}); return who && otc.remoteAvatars().find((a) => a.id === who.id); })()`);
}
