import { CONNECTION_PROBE_BYTES, CONNECTION_PROBE_PATH } from "@otc/contract";
import type { ConnectionHint, ProbeResult } from "./bandwidth-choice.js";

/** A round-trip or download slower than this counts as lost, ms. */
const PROBE_TIMEOUT_MS = 3000;

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const res = await fetch(url, { cache: "no-store", signal: controller.signal });
    await res.arrayBuffer();
    return res.ok ? performance.now() - started : Infinity;
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
