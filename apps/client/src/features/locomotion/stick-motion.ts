/** Stick deflection under which nothing moves (worn sticks rest a little off centre). */
export const DEADZONE = 0.15;
/** Right-stick deflection that triggers a snap turn, and under which the next one is armed. */
export const SNAP_PUSH = 0.6;
export const SNAP_RELEASE = 0.3;
/** Seconds for the vignette to come in or go out (fast enough to cover the first step). */
export const VIGNETTE_EASE_S = 0.15;

/** 0 in the dead zone, rising to 1 at full deflection (keeps the sign). */
export function deflection(v: number): number {
  const a = Math.abs(v);
  if (a < DEADZONE) return 0;
  return Math.sign(v) * Math.min(1, (a - DEADZONE) / (1 - DEADZONE));
}

/**
 * World displacement (dx, dz, metres) over `dt` seconds for a left-stick deflection, moving relative
 * to where the head faces (`yaw`, radians, 0 = facing -Z). xr-standard sticks read y = -1 when pushed
 * forward. Full deflection moves at `speed` m/s in any direction; the dead zone moves nothing.
 */
export function smoothMove(stickX: number, stickY: number, yaw: number, speed: number, dt: number): [number, number] {
  const mag = Math.hypot(stickX, stickY);
  const amount = deflection(mag);
  if (amount === 0) return [0, 0];
  const step = (amount * speed * dt) / mag;
  const lx = stickX * step; // right in the head's frame
  const lz = stickY * step; // back in the head's frame
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return [lx * c + lz * s, -lx * s + lz * c];
}

/** Yaw change (radians) over `dt` for a smooth turn: right stick right turns right (negative yaw). */
export function smoothTurn(stickX: number, degPerSecond: number, dt: number): number {
  const d = deflection(stickX);
  return d === 0 ? 0 : (-d * degPerSecond * Math.PI * dt) / 180;
}

/**
 * One frame of the snap turn: a push past SNAP_PUSH turns by `degrees` once, and the stick must come
 * back under SNAP_RELEASE before the next turn. Returns the yaw change (radians) and whether armed.
 */
export function snapTurn(stickX: number, armed: boolean, degrees: number): { delta: number; armed: boolean } {
  if (Math.abs(stickX) < SNAP_RELEASE) return { delta: 0, armed: true };
  if (armed && Math.abs(stickX) > SNAP_PUSH) return { delta: ((stickX > 0 ? -1 : 1) * degrees * Math.PI) / 180, armed: false };
  return { delta: 0, armed };
}

/**
 * The vignette's opacity eased toward `strength` while moving (or turning smoothly) and toward 0 at
 * rest, over VIGNETTE_EASE_S. `strength` 0 keeps it off.
 */
export function vignetteOpacity(current: number, moving: boolean, strength: number, dt: number): number {
  const target = moving ? strength : 0;
  const step = dt / VIGNETTE_EASE_S;
  if (Math.abs(target - current) <= step * Math.max(strength, 0.01)) return target;
  return current + Math.sign(target - current) * step * Math.max(strength, 0.01);
}
