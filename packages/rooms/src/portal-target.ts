/**
 * Doors between rooms of one training: the session a facilitator created is the root; a door to
 * another room leads to the root's companion session in that room (`<root>-<room>`, made on first
 * use), and a door to the root's own room leads back to the root. So every door of every room of
 * one training lands in the same few sessions, whoever walks through first.
 */
export function portalTargetId(root: { id: string; room: string }, to: string): string {
  if (to === root.room) return root.id;
  // Session ids are at most 48 characters: shorten the training's part, never the room's.
  const base = root.id.slice(0, Math.max(1, 47 - to.length)).replace(/-+$/, "");
  return `${base}-${to}`.slice(0, 48);
}

const DEG = Math.PI / 180;
/** Half the doorway's width plus a hand, and how far in front of it a person counts as "in the doorway", metres. */
export const DOORWAY = { halfWidth: 0.65, depth: 1.0 } as const;

/**
 * The door whose doorway (a box in front of it, DOORWAY deep) the point (x, z) stands in, or null.
 * Doors face +z turned by their yaw, like every anchor in the room file.
 */
export function doorwayAt<P extends { position: readonly number[]; yawDeg: number }>(portals: readonly P[], x: number, z: number): P | null {
  for (const p of portals) {
    const dx = x - p.position[0]!;
    const dz = z - p.position[2]!;
    const c = Math.cos(p.yawDeg * DEG);
    const s = Math.sin(p.yawDeg * DEG);
    const lx = dx * c - dz * s;
    const lz = dx * s + dz * c;
    if (Math.abs(lx) <= DOORWAY.halfWidth && lz >= 0 && lz <= DOORWAY.depth) return p;
  }
  return null;
}
