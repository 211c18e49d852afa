import type { RoomLayout } from "@otc/contract";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { BoxGeometry, CylinderGeometry, InstancedMesh, Matrix4, MeshStandardMaterial, type BufferGeometry } from "three";

type Vec3 = [number, number, number];

const TABLE_W = 1.8;
const TABLE_D = 0.7;
const TABLE_H = 0.74; // metres

/** One kind of furniture part, drawn for every piece of furniture in one instanced draw call. */
interface Part {
  geometry: BufferGeometry;
  material: MeshStandardMaterial;
  /** Where this part sits in each piece (several offsets: e.g. the four legs of a table). */
  offsets: Vec3[];
  castShadow: boolean;
}

function InstancedPart({ part, at }: { part: Part; at: Vec3[] }) {
  const ref = useRef<InstancedMesh>(null);
  const count = at.length * part.offsets.length;
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new Matrix4();
    let i = 0;
    for (const p of at) for (const o of part.offsets) mesh.setMatrixAt(i++, m.makeTranslation(p[0] + o[0], p[1] + o[1], p[2] + o[2]));
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [part, at]);
  return <instancedMesh ref={ref} args={[part.geometry, part.material, count]} castShadow={part.castShadow} receiveShadow />;
}

function furnitureParts(accent: string): { table: Part[]; chair: Part[] } {
  const metal = new MeshStandardMaterial({ color: "#4a5257", metalness: 0.6, roughness: 0.4 });
  const fabric = new MeshStandardMaterial({ color: accent, roughness: 0.8 });
  const legAt = (x: number, z: number): Vec3 => [x, TABLE_H / 2, z];
  return {
    table: [
      { geometry: new BoxGeometry(TABLE_W, 0.04, TABLE_D), material: new MeshStandardMaterial({ color: "#f1ede6", roughness: 0.55 }), offsets: [[0, TABLE_H, 0]], castShadow: true },
      {
        geometry: new CylinderGeometry(0.025, 0.025, TABLE_H, 8),
        material: metal,
        offsets: [legAt(-TABLE_W / 2 + 0.06, -TABLE_D / 2 + 0.06), legAt(TABLE_W / 2 - 0.06, -TABLE_D / 2 + 0.06), legAt(-TABLE_W / 2 + 0.06, TABLE_D / 2 - 0.06), legAt(TABLE_W / 2 - 0.06, TABLE_D / 2 - 0.06)],
        castShadow: true,
      },
    ],
    chair: [
      { geometry: new BoxGeometry(0.46, 0.06, 0.44), material: fabric, offsets: [[0, 0.45, 0]], castShadow: true },
      { geometry: new BoxGeometry(0.46, 0.5, 0.05), material: fabric, offsets: [[0, 0.75, 0.2]], castShadow: true },
      { geometry: new CylinderGeometry(0.03, 0.03, 0.44, 8), material: metal, offsets: [[0, 0.22, 0]], castShadow: false },
      { geometry: new CylinderGeometry(0.22, 0.22, 0.03, 16), material: new MeshStandardMaterial({ color: "#3a4045", metalness: 0.5, roughness: 0.5 }), offsets: [[0, 0.02, 0]], castShadow: false },
    ],
  };
}

/**
 * Two blocks of tables facing the screen with a centre aisle, kept in the front half of the room
 * so the spawn points stay clear. Every part is instanced: the whole set costs six draw calls
 * (plus their shadows) however many tables the room holds.
 */
export function Furniture({ layout }: { layout: RoomLayout }) {
  const { walkable, palette } = layout;
  const parts = useMemo(() => furnitureParts(palette.accent), [palette.accent]);
  useEffect(
    () => () => {
      for (const p of [...parts.table, ...parts.chair]) {
        p.geometry.dispose();
        p.material.dispose();
      }
    },
    [parts],
  );
  const { tables, chairs } = useMemo(() => {
    const xs = [-(TABLE_W / 2 + 0.9), TABLE_W / 2 + 0.9, -(TABLE_W * 1.5 + 1.0), TABLE_W * 1.5 + 1.0].filter(
      (x) => x - TABLE_W / 2 > walkable.minX && x + TABLE_W / 2 < walkable.maxX,
    );
    const rows = [-2.6, -0.6, 1.4].filter((z) => z > walkable.minZ + 1 && z < walkable.maxZ - 2.5);
    const t: Vec3[] = rows.flatMap((z) => xs.map((x): Vec3 => [x, 0, z]));
    const c: Vec3[] = t.flatMap(([x, , z]): Vec3[] => [
      [x - 0.45, 0, z + 0.62],
      [x + 0.45, 0, z + 0.62],
    ]);
    return { tables: t, chairs: c };
  }, [walkable]);
  return (
    <group name="furniture">
      {parts.table.map((p, i) => (
        <InstancedPart key={`t${i}`} part={p} at={tables} />
      ))}
      {parts.chair.map((p, i) => (
        <InstancedPart key={`c${i}`} part={p} at={chairs} />
      ))}
    </group>
  );
}
