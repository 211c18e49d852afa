import { CONNECTION_PROBE_BYTES, CONNECTION_PROBE_PATH } from "@otc/contract";
import type { ConnectionHint, ProbeResult } from "./bandwidth-choice.js";

/** A round-trip or download slower than this counts as lost, ms. */
const PROBE_TIMEOUT_MS = 3000;

let probeCount = 0;

/**
 * How long one request took on the network, ms: the browser's Resource Timing for it (request sent →
 * last byte) when it has one, so a page busy starting up does not read as a slow link; the wall
 * time around the fetch otherwise. Infinity when it failed or took longer than PROBE_TIMEOUT_MS.
 */
async function timed(path: string): Promise<number> {
  const url = new URL(`${path}&n=${++probeCount}`, window.location.href).href; // unique: its own timing entry
  const started = performance.now();
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const res = await fetch(url, { cache: "no-store", signal: controller.signal });
    await res.arrayBuffer();
    if (!res.ok) return Infinity;
    const entry = performance.getEntriesByName(url, "resource").at(-1) as PerformanceResourceTiming | undefined;
    return entry && entry.requestStart > 0 && entry.responseEnd >= entry.requestStart ? entry.responseEnd - entry.requestStart : performance.now() - started;
  } catch {
    return Infinity;
  } finally {
    window.clearTimeout(timer);
  }
}

/**
 * The join screen's connection check against our own server: three bare round-trips, then one
 * 64 KiB download (~0.1 s on a good link). Never rejects: a failure reads as a lost round-trip.
 */
export async function probeConnection(): Promise<ProbeResult> {
  const rttMs: number[] = [];
  for (let i = 0; i < 3; i++) rttMs.push(await timed(`${CONNECTION_PROBE_PATH}?bytes=0`));
  const downloadMs = await timed(`${CONNECTION_PROBE_PATH}?bytes=${CONNECTION_PROBE_BYTES}`);
  return { bytes: CONNECTION_PROBE_BYTES, downloadMs: Number.isFinite(downloadMs) ? downloadMs : PROBE_TIMEOUT_MS, rttMs };
}

/** What this browser says about its connection (Chromium's Network Information API), if anything. */
export function connectionHint(): ConnectionHint | undefined {
  return (navigator as Navigator & { connection?: ConnectionHint }).connection;
}
