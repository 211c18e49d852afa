/** Metres, world space, y up. */
export type Vec3 = [number, number, number];

export interface ArcOptions {
  /** Launch speed along the aim direction, m/s: sets how far the arc reaches (about 5 m at 45° up). */
  speed: number;
  /** m/s² */
  gravity: number;
  floorY: number;
  /** Points drawn along the arc. */
  segments: number;
}

export const DEFAULT_ARC: ArcOptions = { speed: 7, gravity: 9.81, floorY: 0, segments: 24 };

export interface Arc {
  /** Where the arc meets the floor, or null when it never does (aimed above the horizon too far). */
  landing: Vec3 | null;
  /** segments + 1 points from the controller to the landing (or along the first 1.5 s of flight). */
  points: Vec3[];
}

/**
 * The teleport arc: a projectile thrown from the controller along its pointing direction. Pure and
 * frame-rate independent (no smoothing), so the same aim always lands on the same spot.
 */
export function teleportArc(origin: Vec3, direction: Vec3, opts: ArcOptions = DEFAULT_ARC): Arc {
  const len = Math.hypot(direction[0], direction[1], direction[2]) || 1;
  const v: Vec3 = [(direction[0] / len) * opts.speed, (direction[1] / len) * opts.speed, (direction[2] / len) * opts.speed];
  const h = origin[1] - opts.floorY;
  // origin.y + v.y t − g t² / 2 = floorY  →  the positive root
  const disc = v[1] * v[1] + 2 * opts.gravity * h;
  const tLand = h >= 0 && disc >= 0 ? (v[1] + Math.sqrt(disc)) / opts.gravity : null;
  const tEnd = tLand ?? 1.5;
  const at = (t: number): Vec3 => [origin[0] + v[0] * t, origin[1] + v[1] * t - (opts.gravity * t * t) / 2, origin[2] + v[2] * t];
  const points: Vec3[] = [];
  for (let i = 0; i <= opts.segments; i++) points.push(at((tEnd * i) / opts.segments));
  return { landing: tLand === null ? null : [origin[0] + v[0] * tLand, opts.floorY, origin[2] + v[2] * tLand], points };
}
