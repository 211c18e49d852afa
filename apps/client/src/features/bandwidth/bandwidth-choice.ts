import { BANDWIDTH_MODES, type BandwidthMode } from "@otc/contract";

/** What `navigator.connection` (Network Information API, Chromium only) may tell. */
export interface ConnectionHint {
  effectiveType?: string;
  type?: string;
}

/** What the join screen's connection check measured against our server. */
export interface ProbeResult {
  /** Bytes downloaded and how long that took, ms. */
  bytes: number;
  downloadMs: number;
  /** Round-trips timed, ms; a failed one is Infinity. */
  rttMs: readonly number[];
}

/** Below this a link counts as slow (bit/s): three voices and a room of avatars need ~150 kbit/s. */
export const SLOW_LINK_BPS = 500_000;
/** A round-trip slower than this (ms) makes walking and voice feel late. */
export const SLOW_RTT_MS = 400;

/** Why low bandwidth is suggested: a key of the `bandwidth` catalogue, or null when it is not. */
export type BandwidthReason = "reason.link" | "reason.cellular" | "reason.slow" | "reason.lossy";

/** The mode a link asks for (`&bandwidth=low`), or null when it says nothing valid. */
export function bandwidthFromSearch(search: string): BandwidthMode | null {
  const value = new URLSearchParams(search).get("bandwidth");
  return (BANDWIDTH_MODES as readonly string[]).includes(value ?? "") ? (value as BandwidthMode) : null;
}

/** Whether the browser itself reports a weak or cellular connection. */
export function connectionSuggestsLow(hint: ConnectionHint | undefined): boolean {
  if (!hint) return false;
  return hint.type === "cellular" || hint.effectiveType === "2g" || hint.effectiveType === "slow-2g" || hint.effectiveType === "3g";
}

/** What the connection check found: slow (throughput or median round-trip), lossy (a round-trip failed), or fine. */
export function probeVerdict(probe: ProbeResult): "slow" | "lossy" | "ok" {
  if (probe.rttMs.some((ms) => !Number.isFinite(ms))) return "lossy";
  const bps = probe.downloadMs > 0 ? (probe.bytes * 8 * 1000) / probe.downloadMs : Infinity;
  const sorted = [...probe.rttMs].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
  return bps < SLOW_LINK_BPS || median > SLOW_RTT_MS ? "slow" : "ok";
}

/**
 * The join screen's starting choice: the link's word wins; else low is pre-ticked, with its reason,
 * when the browser reports a cellular or slow connection or the check found a slow or lossy link.
 */
export function suggestedBandwidth(
  search: string,
  hint: ConnectionHint | undefined,
  probe: ProbeResult | null,
): { mode: BandwidthMode; reason: BandwidthReason | null } {
  const fromLink = bandwidthFromSearch(search);
  if (fromLink) return { mode: fromLink, reason: fromLink === "low" ? "reason.link" : null };
  if (connectionSuggestsLow(hint)) return { mode: "low", reason: "reason.cellular" };
  const verdict = probe ? probeVerdict(probe) : "ok";
  if (verdict === "slow") return { mode: "low", reason: "reason.slow" };
  if (verdict === "lossy") return { mode: "low", reason: "reason.lossy" };
  return { mode: "normal", reason: null };
}
