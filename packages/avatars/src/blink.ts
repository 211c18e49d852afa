const WINDOW_MS = 4200; // one blink per window, at a different moment in each
const BLINK_MS = 160;

function hash(seed: number, k: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(k, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/**
 * How closed the eyes are at `tMs` (0 open … 1 shut): one short blink per ~4 s at a moment that
 * differs per window and per person (`seed`), so a crowd never blinks in step. Stateless.
 */
export function blinkClosure(tMs: number, seed: number): number {
  const k = Math.floor(tMs / WINDOW_MS);
  const start = hash(seed, k) * (WINDOW_MS - BLINK_MS);
  const t = tMs - k * WINDOW_MS - start;
  if (t < 0 || t > BLINK_MS) return 0;
  return 1 - Math.abs((2 * t) / BLINK_MS - 1);
}

/** A stable small seed from a participant id. */
export function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}
