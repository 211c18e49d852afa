import type { RoomLayout } from "@otc/contract";

const TABLE_W = 1.8;
const TABLE_D = 0.7;
const TABLE_H = 0.74; // metres

function Table({ position }: { position: [number, number, number] }) {
  const legs: Array<[number, number]> = [
    [-TABLE_W / 2 + 0.06, -TABLE_D / 2 + 0.06],
    [TABLE_W / 2 - 0.06, -TABLE_D / 2 + 0.06],
    [-TABLE_W / 2 + 0.06, TABLE_D / 2 - 0.06],
    [TABLE_W / 2 - 0.06, TABLE_D / 2 - 0.06],
  ];
  return (
    <group position={position}>
      <mesh position={[0, TABLE_H, 0]} castShadow receiveShadow>
        <boxGeometry args={[TABLE_W, 0.04, TABLE_D]} />
        <meshStandardMaterial color="#f1ede6" roughness={0.55} />
      </mesh>
      {legs.map(([x, z]) => (
        <mesh key={`${x}:${z}`} position={[x, TABLE_H / 2, z]} castShadow>
          <cylinderGeometry args={[0.025, 0.025, TABLE_H, 10]} />
          <meshStandardMaterial color="#4a5257" metalness={0.6} roughness={0.4} />
        </mesh>
      ))}
    </group>
  );
}

function Chair({ position, colour }: { position: [number, number, number]; colour: string }) {
  return (
    <group position={position}>
      <mesh position={[0, 0.45, 0]} castShadow receiveShadow>
        <boxGeometry args={[0.46, 0.06, 0.44]} />
        <meshStandardMaterial color={colour} roughness={0.8} />
      </mesh>
      <mesh position={[0, 0.75, 0.2]} castShadow>
        <boxGeometry args={[0.46, 0.5, 0.05]} />
        <meshStandardMaterial color={colour} roughness={0.8} />
      </mesh>
      <mesh position={[0, 0.22, 0]} castShadow>
        <cylinderGeometry args={[0.03, 0.03, 0.44, 8]} />
        <meshStandardMaterial color="#4a5257" metalness={0.6} roughness={0.4} />
      </mesh>
      <mesh position={[0, 0.02, 0]}>
        <cylinderGeometry args={[0.22, 0.22, 0.03, 16]} />
        <meshStandardMaterial color="#3a4045" metalness={0.5} roughness={0.5} />
      </mesh>
    </group>
  );
}

/**
 * Two blocks of tables facing the screen with a centre aisle, kept in the front half of the
 * room so the spawn points stay clear.
 */
export function Furniture({ layout }: { layout: RoomLayout }) {
  const { walkable, palette } = layout;
  const xs = [-(TABLE_W / 2 + 0.9), TABLE_W / 2 + 0.9, -(TABLE_W * 1.5 + 1.0), TABLE_W * 1.5 + 1.0].filter(
    (x) => x - TABLE_W / 2 > walkable.minX && x + TABLE_W / 2 < walkable.maxX,
  );
  const rows = [-2.6, -0.6, 1.4].filter((z) => z > walkable.minZ + 1 && z < walkable.maxZ - 2.5);
  return (
    <group name="furniture">
      {rows.flatMap((z) =>
        xs.map((x) => (
          <group key={`${x}:${z}`}>
            <Table position={[x, 0, z]} />
            <Chair position={[x - 0.45, 0, z + 0.62]} colour={palette.accent} />
            <Chair position={[x + 0.45, 0, z + 0.62]} colour={palette.accent} />
          </group>
        )),
      )}
    </group>
  );
}
