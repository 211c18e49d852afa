/** The hand a library ray pointer belongs to. */
export type RayHand = "left" | "right";

/**
 * Which hand's ray sent a pointer event: @react-three/xr gives each controller and tracked-hand
 * pointer its input-source state as `pointerState`, whose `inputSource.handedness` names the hand.
 * Null for the desktop mouse (R3F's own events carry no such state) and for a source with no hand.
 */
export function rayHandOf(event: unknown): RayHand | null {
  const state = (event as { pointerState?: { inputSource?: { handedness?: unknown } } } | null)?.pointerState;
  const hand = state?.inputSource?.handedness;
  return hand === "left" || hand === "right" ? hand : null;
}
