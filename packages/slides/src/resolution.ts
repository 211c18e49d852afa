/**
 * Texture size for a page shown on a screen `widthM` × `heightM` metres: about `pxPerMetre` across
 * (1024 px/m reads well from the front rows on a Quest 3), the page's own aspect kept, the longer
 * side capped at `maxPx` (GPU texture limits, memory: 2048² RGBA ≈ 16 MiB).
 */
export function pageTextureSize(screen: { width: number; height: number }, pageAspect: number, pxPerMetre = 1024, maxPx = 2048): { width: number; height: number } {
  const fitsWidth = pageAspect >= screen.width / screen.height;
  let width = fitsWidth ? screen.width * pxPerMetre : screen.height * pageAspect * pxPerMetre;
  let height = width / pageAspect;
  const scale = Math.min(1, maxPx / Math.max(width, height));
  width *= scale;
  height *= scale;
  return { width: Math.max(16, Math.round(width)), height: Math.max(16, Math.round(height)) };
}

/** Low-bandwidth mode: half the density and a 1024 px cap (a quarter of the texture memory; small text may blur). */
export const LOW_BANDWIDTH_PAGE = { pxPerMetre: 512, maxPx: 1024 } as const;

/** The page texture size for a viewer in `low`-bandwidth mode or not. */
export function pageTextureSizeFor(screen: { width: number; height: number }, pageAspect: number, low: boolean): { width: number; height: number } {
  return low ? pageTextureSize(screen, pageAspect, LOW_BANDWIDTH_PAGE.pxPerMetre, LOW_BANDWIDTH_PAGE.maxPx) : pageTextureSize(screen, pageAspect);
}
