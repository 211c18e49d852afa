import type { Furniture, FurnitureKind, RoomLayout, SeatBlock } from "@otc/contract";

export type Vec3 = [number, number, number];
export interface Placement {
  position: Vec3;
  yawDeg: number;
}

const DEG = Math.PI / 180;

/**
 * Every placement a grid stands for: `columns` along the item's local x (its right when facing
 * its yaw), `rows` along local +z (backwards), starting at `position`. No grid: the one placement.
 */
export function expandGrid(item: { position: Vec3; yawDeg: number; grid?: { columns: number; rows: number; dx: number; dz: number } | undefined }): Placement[] {
  if (!item.grid) return [{ position: item.position, yawDeg: item.yawDeg }];
  const { columns, rows, dx, dz } = item.grid;
  const c = Math.cos(item.yawDeg * DEG);
  const s = Math.sin(item.yawDeg * DEG);
  const out: Placement[] = [];
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < columns; k++) {
      const lx = k * dx;
      const lz = r * dz;
      // rotate (lx, lz) about +y by yaw: x' = x cos + z sin, z' = −x sin + z cos
      out.push({ position: [item.position[0] + lx * c + lz * s, item.position[1], item.position[2] - lx * s + lz * c], yawDeg: item.yawDeg });
    }
  }
  return out;
}

export function seatPlacements(room: Pick<RoomLayout, "seats">): Placement[] {
  return room.seats.flatMap((b: SeatBlock) => expandGrid(b));
}

export function furniturePlacements(room: Pick<RoomLayout, "furniture">, kind: FurnitureKind): Array<Placement & { size?: Vec3 | undefined }> {
  return room.furniture.filter((f: Furniture) => f.kind === kind).flatMap((f) => expandGrid(f).map((p) => ({ ...p, size: f.size })));
}

/** Floor footprint of each furniture kind, metres (width along local x, depth along local z). */
export const FOOTPRINT: Record<FurnitureKind, { w: number; d: number }> = {
  desk: { w: 1.4, d: 0.6 },
  "long-table": { w: 4.2, d: 1.2 },
  "round-table": { w: 1.5, d: 1.5 },
  sofa: { w: 2.0, d: 0.85 },
  plant: { w: 0.5, d: 0.5 },
  lectern: { w: 0.7, d: 0.5 },
  stage: { w: 0, d: 0 }, // walkable: people stand on it
  reception: { w: 3.0, d: 0.8 },
  divider: { w: 1.8, d: 0.08 },
};
