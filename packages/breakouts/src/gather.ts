/** People see the countdown this long before they are moved, ms. */
export const GATHER_COUNTDOWN_MS = 5_000;
/** Distance between people standing side by side, metres. */
export const GATHER_SPACING = 0.8;
/** How far from the facilitator the first ring stands, and from a named spot the first row, metres. */
export const GATHER_RING = 1.6;
export const GATHER_ROW = 2.2;

const DEG = Math.PI / 180;

/** Where one person is moved: a floor point and the way they face (yaw, radians; 0 looks along −z, like the view). */
export interface GatherSpot {
  x: number;
  z: number;
  yaw: number;
}

export interface Walkable {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const inside = (w: Walkable, x: number, z: number, margin = 0.3) => ({ x: clamp(x, w.minX + margin, w.maxX - margin), z: clamp(z, w.minZ + margin, w.maxZ - margin) });
/** The view's yaw that looks from (x, z) towards (tx, tz). */
const lookAt = (x: number, z: number, tx: number, tz: number) => Math.atan2(-(tx - x), -(tz - z));

/**
 * `n` places in rings around a point (the facilitator), each facing it: the first ring GATHER_RING
 * away, each next ring farther, people GATHER_SPACING apart along a ring.
 */
export function aroundPoint(cx: number, cz: number, n: number, walkable: Walkable): GatherSpot[] {
  const out: GatherSpot[] = [];
  for (let ring = 0; out.length < n; ring++) {
    const r = GATHER_RING + ring * GATHER_SPACING * 1.2;
    const fits = Math.max(1, Math.floor((2 * Math.PI * r) / GATHER_SPACING));
    for (let k = 0; k < fits && out.length < n; k++) {
      const a = (2 * Math.PI * k) / fits;
      const p = inside(walkable, cx + Math.sin(a) * r, cz + Math.cos(a) * r);
      out.push({ ...p, yaw: lookAt(p.x, p.z, cx, cz) });
    }
  }
  return out;
}

/**
 * `n` places in rows in front of an anchor (a screen, board or door: it faces +z turned by its yaw),
 * everyone facing it; rows of `perRow`, centred on the anchor's axis.
 */
export function inFrontOf(anchor: { position: readonly number[]; yawDeg: number }, n: number, walkable: Walkable, perRow = 6): GatherSpot[] {
  const a = anchor.yawDeg * DEG;
  const [fx, fz] = [Math.sin(a), Math.cos(a)]; // the anchor's facing
  const [rx, rz] = [Math.cos(a), -Math.sin(a)]; // its right
  const out: GatherSpot[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, n - row * perRow);
    const side = (i % perRow) - (inRow - 1) / 2;
    const d = GATHER_ROW + row * GATHER_SPACING * 1.2;
    const p = inside(walkable, anchor.position[0]! + fx * d + rx * side * GATHER_SPACING, anchor.position[2]! + fz * d + rz * side * GATHER_SPACING);
    out.push({ ...p, yaw: a });
  }
  return out;
}

/** The first `n` seats (seat yaw as the view's: a seat faces −z turned by its yaw); people beyond the seats stand behind the last one. */
export function onSeats(seats: readonly { position: readonly number[]; yawDeg: number }[], n: number, walkable: Walkable): GatherSpot[] {
  const out: GatherSpot[] = [];
  for (let i = 0; i < n; i++) {
    const seat = seats[i % Math.max(1, seats.length)];
    if (!seat) break;
    const extra = Math.floor(i / seats.length); // more people than seats: one step behind per lap
    const a = seat.yawDeg * DEG;
    const p = inside(walkable, seat.position[0]! + Math.sin(a) * extra * GATHER_SPACING, seat.position[2]! + Math.cos(a) * extra * GATHER_SPACING);
    out.push({ ...p, yaw: a });
  }
  return out;
}
