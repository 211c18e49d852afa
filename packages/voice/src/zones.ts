/** A floor rectangle, metres (x across, z along the room). */
export interface FloorRect {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** A named audio zone from the room file: a breakout corner or booth. */
export interface AudioZone extends FloorRect {
  id: string;
  name: string;
}

export function insideRect(x: number, z: number, r: FloorRect): boolean {
  return x >= r.minX && x <= r.maxX && z >= r.minZ && z <= r.maxZ;
}

/** The zone a head at (x, z) stands in (the first listed wins where zones overlap), or null for the open room. */
export function zoneAt(x: number, z: number, zones: readonly AudioZone[]): string | null {
  for (const zone of zones) if (insideRect(x, z, zone)) return zone.id;
  return null;
}
