import type { Application } from "express";
import { CONNECTION_PROBE_BYTES, CONNECTION_PROBE_PATH } from "@otc/contract";
import { z } from "zod";

const probeQuery = z.object({ bytes: z.coerce.number().int().min(0).max(CONNECTION_PROBE_BYTES).default(0) });
/** One zero-filled buffer serves every probe (never changed). */
const ZEROS = Buffer.alloc(CONNECTION_PROBE_BYTES);

/**
 * The join screen's connection check: `GET /api/probe?bytes=n` answers n bytes (at most
 * CONNECTION_PROBE_BYTES, never cached); `bytes=0` is a bare round-trip. No session is needed: it
 * runs before joining, and it costs the server no more than a small static file.
 */
export function mountProbeRoute(app: Application): void {
  app.get(CONNECTION_PROBE_PATH, (req, res) => {
    const parsed = probeQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: "bytes: 0 to " + CONNECTION_PROBE_BYTES });
      return;
    }
    res.set({ "Cache-Control": "no-store", "Content-Type": "application/octet-stream" });
    res.end(ZEROS.subarray(0, parsed.data.bytes));
  });
}
