/** Eye height (metres) others see a standing adult at, when nobody has calibrated. */
export const NOMINAL_EYE_HEIGHT = 1.6;
const MIN_EYE = 1.1;
const MAX_EYE = 2.05;

export type PostureMode = "standing" | "seated";

/** Keeps a measured standing eye height within what an adult plausibly has. */
export function calibratedEyeHeight(measuredEyeY: number): number {
  if (!Number.isFinite(measuredEyeY)) return NOMINAL_EYE_HEIGHT;
  return Math.min(MAX_EYE, Math.max(MIN_EYE, measuredEyeY));
}

/**
 * Metres to lift the tracked space so others see a sensible height. Standing: none (real height).
 * Seated: the gap between the person's standing eye height and where their eyes are while seated
 * (`seatedEyeY`, measured when they chose seated mode), so they appear standing among the others.
 */
export function heightOffset(mode: PostureMode, standingEyeHeight: number, seatedEyeY: number): number {
  if (mode === "standing" || !Number.isFinite(seatedEyeY)) return 0;
  return Math.min(1.0, Math.max(0, standingEyeHeight - seatedEyeY));
}
