/** Level of detail of one avatar: full face and arms, simplified body, or a distant token. */
export const Lod = { near: 0, far: 1, distant: 2 } as const;
export type Lod = (typeof Lod)[keyof typeof Lod];

export interface LodRules {
  /** Metres from the viewer where an avatar becomes `far`, and `distant`. */
  far: number;
  distant: number;
  /** Metres an avatar must come back inside a boundary before it steps up again (no flicker). */
  hysteresis: number;
}

export const DEFAULT_LOD_RULES: LodRules = { far: 7, distant: 15, hysteresis: 0.75 };

/** Level of detail for an avatar `distance` metres away that was at `previous` last frame. */
export function selectLod(distance: number, previous: Lod, rules: LodRules = DEFAULT_LOD_RULES): Lod {
  const h = rules.hysteresis;
  if (!Number.isFinite(distance)) return Lod.distant;
  const farAt = previous >= Lod.far ? rules.far - h : rules.far;
  const distantAt = previous === Lod.distant ? rules.distant - h : rules.distant;
  if (distance >= distantAt) return Lod.distant;
  if (distance >= farAt) return Lod.far;
  return Lod.near;
}

/** Frames between animation updates per level: far avatars move at a quarter and an eighth of the rate. */
export const UPDATE_EVERY: Record<Lod, number> = { 0: 1, 1: 4, 2: 8 };

/**
 * Whether the avatar at `index` animates this `frame`. Far avatars are staggered by index, so the
 * work of a big crowd spreads evenly over frames instead of spiking every fourth one.
 */
export function updatesThisFrame(lod: Lod, frame: number, index: number): boolean {
  const every = UPDATE_EVERY[lod];
  return every === 1 || (frame + index) % every === 0;
}
