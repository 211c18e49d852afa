import type { Page } from "playwright-core";

/**
 * Node-side polling: calls `read` every `intervalMs` until `ok` accepts its value, and returns that
 * value. On timeout the error says what was awaited and the last value seen, so a red run on a
 * loaded machine tells a slow page from a wrong one.
 */
export async function waitUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 40_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what} (waited ${timeoutMs / 1000} s); last value seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
    last = await read();
  }
  return last;
}

/** Resolves with `p`, or with `fallback` after `ms` (a hung page must not hang the failure message too). */
function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([p, new Promise<T>((r) => setTimeout(() => r(fallback), ms))]);
}

/**
 * What a client page shows right now, in one line: address, connection status, frame count, who is
 * listed, where the local head is, whether an XR session runs, and what `condition` evaluates to.
 */
export async function describePage(page: Page, condition?: string): Promise<string> {
  if (page.isClosed()) return "the page is closed";
  const probe = `(() => {
    const o = window.__otc, round = (v) => Math.round(v * 100) / 100;
    let cond;
    try { cond = ${condition ? `(${condition})` : "undefined"}; } catch (e) { cond = "throws " + e.message; }
    return JSON.stringify({
      url: location.pathname, status: o?.status, selfId: o?.selfId, frames: o?.frames,
      people: o?.participants?.().map((p) => p.name + (p.connected ? "" : " (offline)")),
      head: o?.localHead?.().map(round), vr: o?.xrStore ? Boolean(o.xrStore.getState().session) : undefined,
      condition: cond,
    });
  })()`;
  return within(page.evaluate(probe) as Promise<string>, 5_000, "the page did not answer within 5 s").catch((e: unknown) => `the page could not be read: ${String(e)}`);
}
