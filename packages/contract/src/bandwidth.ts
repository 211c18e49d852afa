import { z } from "zod";

/**
 * How much a person's connection can carry. `low` thins what the server sends them (avatars beyond arm's
 * reach at 5 Hz, head only, even in view) and what their client fetches (lower voice bitrate, fewer voices,
 * default avatars, smaller slide pages, the room's simple shell instead of a large model).
 */
export const BANDWIDTH_MODES = ["normal", "low"] as const;
export type BandwidthMode = (typeof BANDWIDTH_MODES)[number];
export const bandwidthModeSchema = z.enum(BANDWIDTH_MODES);

export const BandwidthMessage = { bandwidthSet: "bandwidth-set" } as const;

/** A person changes their mode in the room (the menu); rate-limited like any setting. */
export const bandwidthSetSchema = z.object({ mode: bandwidthModeSchema });
export type BandwidthSet = z.infer<typeof bandwidthSetSchema>;

/** The connection check's download (bytes): big enough to time on a slow link, small enough not to hurt one. */
export const CONNECTION_PROBE_BYTES = 64 * 1024;
/** The path of the connection check endpoint (GET; `?bytes=` up to CONNECTION_PROBE_BYTES, 0 for a bare round-trip). */
export const CONNECTION_PROBE_PATH = "/api/probe";
