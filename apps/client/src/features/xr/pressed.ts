/** Trigger value that counts as pressed (a controller's trigger, or a tracked hand's pinch). */
export const PRESS = 0.5;

const selecting = new WeakSet<XRInputSource>();
const watched = new WeakSet<XRSession>();

/**
 * Whether this input source presses now: a controller's trigger, or a tracked hand's pinch. Both are
 * the source's primary action: WebXR reports it as `select` (and, where the device offers one, as the
 * gamepad's button 0), so boards, teleport, the hand menu and the slide laser treat a pinch exactly as
 * a trigger pull.
 */
export function isPressed(session: XRSession, source: XRInputSource): boolean {
  if (!watched.has(session)) {
    watched.add(session);
    session.addEventListener("selectstart", (e) => void selecting.add((e as XRInputSourceEvent).inputSource));
    session.addEventListener("selectend", (e) => void selecting.delete((e as XRInputSourceEvent).inputSource));
  }
  return (source.gamepad?.buttons[0]?.value ?? 0) >= PRESS || selecting.has(source);
}
