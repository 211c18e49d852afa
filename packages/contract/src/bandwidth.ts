import { z } from "zod";

/**
 * How much a person's connection can carry. `low` thins what the server sends them (avatars beyond arm's
 * reach head only, at 5 Hz in view and 1.25 Hz out of view) and what their client fetches (lower voice bitrate
 * in longer packets, fewer voices, default avatars, smaller slide pages, the room's simple shell instead of a
 * large model).
 */
export const BANDWIDTH_MODES = ["normal", "low"] as const;
export type BandwidthMode = (typeof BANDWIDTH_MODES)[number];
export const bandwidthModeSchema = z.enum(BANDWIDTH_MODES);

/** Voice bitrate in low-bandwidth mode, bit/s: the floor at which Opus speech stays intelligible. */
export const LOW_BANDWIDTH_VOICE_BPS = 12_000;
/**
 * Packet length asked for in low-bandwidth mode, ms: Opus's longest frame. At 20 ms (the default),
 * the 50 packets a second carry ~22 kbit/s of RTP/SRTP/UDP/IP headers, more than the voice itself at
 * 12 kbit/s; 120 ms packets cut that to a sixth (3.6 kbit/s), at 100 ms more delay — a weak
 * connection's trade (its jitter buffer already holds more than that).
 */
export const LOW_BANDWIDTH_PTIME_MS = 120;

export const BandwidthMessage = { bandwidthSet: "bandwidth-set" } as const;

/** A person changes their mode in the room (the menu); rate-limited like any setting. */
export const bandwidthSetSchema = z.object({ mode: bandwidthModeSchema });
export type BandwidthSet = z.infer<typeof bandwidthSetSchema>;

/** The connection check's download (bytes): big enough to time on a slow link, small enough not to hurt one. */
export const CONNECTION_PROBE_BYTES = 64 * 1024;
/** The path of the connection check endpoint (GET; `?bytes=` up to CONNECTION_PROBE_BYTES, 0 for a bare round-trip). */
export const CONNECTION_PROBE_PATH = "/api/probe";
