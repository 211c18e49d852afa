/**
 * `userData` key marking an object whose own pointer handlers take the VR controller ray (or a tracked
 * hand's ray) as they take the desktop mouse: a slide page, where `onPointerMove` is the presenter's
 * laser dot from either, or a whiteboard surface. The library ray's filter (create-xr-handle.ts) lets
 * the right ray reach it.
 */
export const RAY_TARGET_KEY = "rayTarget";

/**
 * `userData` key marking a whiteboard surface. The left ray's filter accepts only these, so a left-hand
 * laser draws on boards but never lands on the hand menu on the left wrist or moves the slide laser dot.
 */
export const BOARD_TARGET_KEY = "boardTarget";
