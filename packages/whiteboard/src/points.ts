/**
 * Stroke points on the wire: one flat array, the first (x, y) absolute, every following pair the
 * difference to the previous point. Small deltas are one byte each in msgpack.
 */
export function encodeDeltas(abs: readonly number[]): number[] {
  const out = new Array<number>(abs.length);
  for (let i = 0; i < abs.length; i += 2) {
    out[i] = i === 0 ? abs[0]! : abs[i]! - abs[i - 2]!;
    out[i + 1] = i === 0 ? abs[1]! : abs[i + 1]! - abs[i - 1]!;
  }
  return out;
}

export function decodeDeltas(deltas: readonly number[]): number[] {
  const out = new Array<number>(deltas.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i < deltas.length; i += 2) {
    x += deltas[i]!;
    y += deltas[i + 1]!;
    out[i] = x;
    out[i + 1] = y;
  }
  return out;
}

/** Whether every absolute point lies on a board of `w` × `h` units. */
export function pointsInside(abs: readonly number[], w: number, h: number): boolean {
  for (let i = 0; i < abs.length; i += 2) {
    const x = abs[i]!;
    const y = abs[i + 1]!;
    if (x < 0 || y < 0 || x > w || y > h) return false;
  }
  return true;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Ramer–Douglas–Peucker on absolute points: drops points closer than `tolerance` (board units)
 * to the simplified line. Iterative, so a 10,000-point scribble cannot overflow the stack.
 */
export function simplify(abs: readonly number[], tolerance: number): number[] {
  const n = abs.length / 2;
  if (n <= 2) return [...abs];
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: Array<[number, number]> = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let worstD = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(abs[i * 2]!, abs[i * 2 + 1]!, abs[a * 2]!, abs[a * 2 + 1]!, abs[b * 2]!, abs[b * 2 + 1]!);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(abs[i * 2]!, abs[i * 2 + 1]!);
  return out;
}
