/**
 * `userData` key marking an object whose own pointer handlers take the VR controller ray (or a tracked
 * hand's ray) as they take the desktop mouse: a slide page, where `onPointerMove` is the presenter's
 * laser dot from either. The library ray's filter (create-xr-handle.ts) lets the ray reach it.
 */
export const RAY_TARGET_KEY = "rayTarget";
