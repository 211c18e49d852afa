import { MAX_PITCH } from "../locomotion/mouse-look.js";
import type { WalkStick } from "../locomotion/walkable.js";

/** A point on the screen, CSS pixels, y down. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** The view's yaw and pitch, radians (as LocalRig holds them). */
export interface View {
  yaw: number;
  pitch: number;
}

/** Share of the stick's reach that walks nobody: a resting thumb's wobble. */
export const DEAD_ZONE = 0.18;

/**
 * Radians turned per CSS pixel a finger drags: a drag across a 390 px phone turns about 110°, more
 * than the mouse's 0.0035 because a finger travels a short screen.
 */
export const TOUCH_RADIANS_PER_PIXEL = 0.005;

/**
 * The walking stick's deflection for a thumb at `touch` on a stick centred at `centre` with `radius`
 * px of reach: x right, y forward (up the screen), length at most 1. Inside the dead zone it is 0;
 * beyond, the length grows from 0 at the dead zone's edge to 1 at the rim, so a walk starts gently.
 */
export function joystickVector(centre: ScreenPoint, touch: ScreenPoint, radius: number, deadZone = DEAD_ZONE): WalkStick {
  const dx = touch.x - centre.x;
  const dy = centre.y - touch.y;
  const d = Math.hypot(dx, dy);
  if (radius <= 0 || d / radius <= deadZone) return { x: 0, y: 0 };
  const length = Math.min(1, (d / radius - deadZone) / (1 - deadZone));
  return { x: (dx / d) * length, y: (dy / d) * length };
}

/** Where the knob is drawn relative to the stick's centre (px): under the thumb, held inside the rim. */
export function knobOffset(centre: ScreenPoint, touch: ScreenPoint, radius: number): ScreenPoint {
  const dx = touch.x - centre.x;
  const dy = touch.y - centre.y;
  const d = Math.hypot(dx, dy);
  if (d <= radius) return { x: dx, y: dy };
  return { x: (dx / d) * radius, y: (dy / d) * radius };
}

/**
 * The view after a finger dragged (dx, dy) px: "grab the world" as the mouse does (dragging right
 * turns the view left, dragging down tilts it up), pitch held within the mouse's limits.
 */
export function lookAfterDrag(view: View, dx: number, dy: number, radiansPerPixel = TOUCH_RADIANS_PER_PIXEL): View {
  return {
    yaw: view.yaw + dx * radiansPerPixel,
    pitch: Math.max(-MAX_PITCH, Math.min(MAX_PITCH, view.pitch + dy * radiansPerPixel)),
  };
}
