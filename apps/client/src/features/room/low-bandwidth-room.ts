import type { RoomLayout } from "@otc/contract";

/** In low-bandwidth mode an imported room model larger than this (bytes) is not downloaded. */
export const LOW_BANDWIDTH_MODEL_BYTES = 2 * 1024 * 1024;

/**
 * The room to draw for this viewer: the layout as it is, or, in low-bandwidth mode when its model
 * is over LOW_BANDWIDTH_MODEL_BYTES (or of unknown size), the same room without the model and with
 * the built-in shell's walls (screens, boards, seats and spawns stay where they are).
 */
export function roomForBandwidth(layout: RoomLayout, modelBytes: number | null, low: boolean): RoomLayout {
  if (!low || !layout.environment) return layout;
  if (modelBytes !== null && modelBytes <= LOW_BANDWIDTH_MODEL_BYTES) return layout;
  const { environment: _dropped, ...rest } = layout;
  return { ...rest, shell: { ...layout.shell, walls: true } };
}

/** The model's size from a HEAD request to our server; null when it does not say. */
export async function modelSize(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { method: "HEAD" });
    const length = Number(res.headers.get("content-length"));
    return res.ok && Number.isFinite(length) && length > 0 ? length : null;
  } catch {
    return null;
  }
}
