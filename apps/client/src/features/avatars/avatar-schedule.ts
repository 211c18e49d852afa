import { Lod, updatesThisFrame } from "@otc/avatars";

/**
 * How many remote avatars at most are drawn with face, hair, hands and arms: the nearest ones in view.
 * Beyond them a crowd draws with the far shapes, so triangles stay bounded however many people join.
 */
export const FULL_DETAIL_MAX = 96;

/**
 * Frames between re-animations of an avatar out of view. It is never drawn, but what reads its view
 * (cues, arms, the test hooks) stays at most this many frames old, and it is ready when it comes back.
 */
export const CULLED_EVERY = 8;

/**
 * The oldest an out-of-view avatar's view may get, ms, however slow the frames: at 72 Hz the frame
 * rule is tighter (8 frames ≈ 111 ms); on a machine drawing a few frames a second, this bound holds.
 */
export const CULLED_MAX_AGE_MS = 250;

/**
 * Within this distance of the viewer (metres) a near avatar is re-animated every frame: mouth, blinks
 * and gaze are read up close. A speaking avatar counts as within it wherever it stands (lip-sync).
 */
export const EVERY_FRAME_WITHIN = 4;

/**
 * Frames between re-animations of the other near avatars (full detail, beyond EVERY_FRAME_WITHIN):
 * every 2nd frame is 36 Hz at 72 Hz, still above the 20 Hz at which their presence arrives.
 */
export const NEAR_EVERY = 2;

/**
 * Whether the avatar at `index` (its place in this frame's iteration) is re-animated this `frame`:
 * in view, near ones within EVERY_FRAME_WITHIN of the viewer (`distance`, metres) every frame, other
 * near ones every NEAR_EVERY frames and far ones at their level's lower rate, staggered by index so a
 * crowd's work spreads evenly over frames; out of view, at the slowest rate, staggered the same way,
 * or once `ageMs` (since it was last animated) reaches CULLED_MAX_AGE_MS.
 */
export function animatesThisFrame(lod: Lod, inView: boolean, frame: number, index: number, ageMs = 0, distance = 0): boolean {
  if (!inView) return (frame + index) % CULLED_EVERY === 0 || ageMs >= CULLED_MAX_AGE_MS;
  if (lod === Lod.near && distance > EVERY_FRAME_WITHIN) return (frame + index) % NEAR_EVERY === 0;
  return updatesThisFrame(lod, frame, index);
}

/**
 * The distance (metres) within which avatars keep their full detail this frame: the `cap`-th smallest
 * of `distances[0..n)` (the near, in-view candidates), or Infinity when there are no more than `cap`.
 * `scratch` (at least `n` long) is reordered; nothing is allocated, so it can run every frame.
 */
export function fullDetailLimit(distances: Float64Array, n: number, cap: number, scratch: Float64Array): number {
  if (n <= cap) return Number.POSITIVE_INFINITY;
  if (cap <= 0) return Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) scratch[i] = distances[i]!;
  return select(scratch, n, cap - 1);
}

/** The k-th smallest (0-based) of `a[0..n)` by quickselect (Hoare partition), in place. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
