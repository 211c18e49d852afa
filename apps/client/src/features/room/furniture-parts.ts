import type { FurnitureKind } from "@otc/contract";
import { BoxGeometry, CylinderGeometry, MeshStandardMaterial, SphereGeometry, type BufferGeometry } from "three";

export type Vec3 = [number, number, number];

/** One kind of part, drawn for every piece of furniture of a kind in one instanced draw call. */
export interface Part {
  geometry: BufferGeometry;
  material: MeshStandardMaterial;
  /** Where this part sits in each piece, in the piece's own frame (several: e.g. four legs). */
  offsets: Vec3[];
  castShadow: boolean;
}

export type PartKind = FurnitureKind | "chair";

const legs = (w: number, d: number, h: number, inset = 0.06): Vec3[] => [
  [-w / 2 + inset, h / 2, -d / 2 + inset],
  [w / 2 - inset, h / 2, -d / 2 + inset],
  [-w / 2 + inset, h / 2, d / 2 - inset],
  [w / 2 - inset, h / 2, d / 2 - inset],
];

/**
 * Thin legs and pots cast no shadow: each shadow caster is one more draw call, and they are hardly
 * visible. Geometry and materials of every built-in furniture kind: low-poly, shared materials, metres.
 * Sizes match the collision footprints in @otc/rooms (FOOTPRINT).
 */
export function furnitureParts(accent: string, secondary: string): Record<PartKind, Part[]> {
  const metal = new MeshStandardMaterial({ color: "#4a5257", metalness: 0.6, roughness: 0.4 });
  const top = new MeshStandardMaterial({ color: "#f1ede6", roughness: 0.55 });
  const wood = new MeshStandardMaterial({ color: "#9b7653", roughness: 0.6 });
  const fabric = new MeshStandardMaterial({ color: accent, roughness: 0.8 });
  const soft = new MeshStandardMaterial({ color: secondary, roughness: 0.9 });
  const leaf = new MeshStandardMaterial({ color: "#4f7d4a", roughness: 0.85 });
  const pot = new MeshStandardMaterial({ color: "#d8d2c8", roughness: 0.7 });
  const leg = (h: number) => new CylinderGeometry(0.025, 0.025, h, 8);
  return {
    chair: [
      { geometry: new BoxGeometry(0.46, 0.06, 0.44), material: fabric, offsets: [[0, 0.45, 0]], castShadow: true },
      { geometry: new BoxGeometry(0.46, 0.5, 0.05), material: fabric, offsets: [[0, 0.75, 0.2]], castShadow: true },
      { geometry: new CylinderGeometry(0.03, 0.03, 0.44, 8), material: metal, offsets: [[0, 0.22, 0]], castShadow: false },
      { geometry: new CylinderGeometry(0.22, 0.22, 0.03, 16), material: metal, offsets: [[0, 0.02, 0]], castShadow: false },
    ],
    desk: [
      { geometry: new BoxGeometry(1.4, 0.04, 0.6), material: top, offsets: [[0, 0.74, 0]], castShadow: true },
      { geometry: leg(0.74), material: metal, offsets: legs(1.4, 0.6, 0.74), castShadow: false },
    ],
    "long-table": [
      { geometry: new BoxGeometry(4.2, 0.05, 1.2), material: wood, offsets: [[0, 0.74, 0]], castShadow: true },
      { geometry: new BoxGeometry(0.08, 0.72, 0.9), material: metal, offsets: [[-1.7, 0.36, 0], [1.7, 0.36, 0]], castShadow: true },
    ],
    "round-table": [
      { geometry: new CylinderGeometry(0.75, 0.75, 0.04, 32), material: top, offsets: [[0, 0.74, 0]], castShadow: true },
      { geometry: new CylinderGeometry(0.05, 0.05, 0.72, 10), material: metal, offsets: [[0, 0.36, 0]], castShadow: false },
      { geometry: new CylinderGeometry(0.35, 0.35, 0.03, 24), material: metal, offsets: [[0, 0.015, 0]], castShadow: false },
    ],
    sofa: [
      { geometry: new BoxGeometry(2.0, 0.42, 0.85), material: soft, offsets: [[0, 0.21, 0]], castShadow: true },
      { geometry: new BoxGeometry(2.0, 0.45, 0.2), material: soft, offsets: [[0, 0.62, 0.33]], castShadow: true },
      { geometry: new BoxGeometry(0.18, 0.25, 0.85), material: soft, offsets: [[-0.91, 0.5, 0], [0.91, 0.5, 0]], castShadow: true },
    ],
    plant: [
      { geometry: new CylinderGeometry(0.2, 0.15, 0.42, 16), material: pot, offsets: [[0, 0.21, 0]], castShadow: false },
      { geometry: new SphereGeometry(0.36, 12, 10), material: leaf, offsets: [[0, 0.8, 0], [0.12, 1.1, 0.05]], castShadow: true },
    ],
    lectern: [
      { geometry: new BoxGeometry(0.6, 1.05, 0.45), material: wood, offsets: [[0, 0.525, 0]], castShadow: true },
      { geometry: new BoxGeometry(0.7, 0.05, 0.5), material: fabric, offsets: [[0, 1.08, 0]], castShadow: true },
    ],
    stage: [], // drawn from its own size (see Stage in Furniture.tsx)
    reception: [
      { geometry: new BoxGeometry(3.0, 1.05, 0.8), material: wood, offsets: [[0, 0.525, 0]], castShadow: true },
      { geometry: new BoxGeometry(3.05, 0.06, 0.9), material: top, offsets: [[0, 1.08, 0]], castShadow: true },
      { geometry: new BoxGeometry(3.0, 0.12, 0.02), material: fabric, offsets: [[0, 0.8, -0.41]], castShadow: false },
    ],
    divider: [
      { geometry: new BoxGeometry(1.8, 1.5, 0.08), material: soft, offsets: [[0, 0.85, 0]], castShadow: true },
      { geometry: new BoxGeometry(0.06, 0.1, 0.4), material: metal, offsets: [[-0.8, 0.05, 0], [0.8, 0.05, 0]], castShadow: false },
    ],
  };
}

/** Releases every geometry and material of a parts table. */
export function disposeParts(parts: Record<PartKind, Part[]>): void {
  const seen = new Set<{ dispose(): void }>();
  for (const list of Object.values(parts)) for (const p of list) seen.add(p.geometry).add(p.material);
  for (const x of seen) x.dispose();
}
