import type { RoomLayout } from "@otc/contract";
import type { ThreeEvent } from "@react-three/fiber";
import { useLayoutEffect, useMemo, useRef, type ReactNode } from "react";
import { DoubleSide, InstancedMesh, Matrix4, type Vector3 } from "three";
import { plankTexture } from "./room-textures.js";

interface Props {
  layout: RoomLayout;
  /** Desktop click on the floor (already filtered: not a drag). */
  onFloorClick(point: Vector3): void;
}

const WALL_T = 0.1; // metres

/** Floor, walls, ceiling and the accent band of the room, sized from the layout; only an unseen click floor when `shell.walls` is off. */
export function RoomShell({ layout, onFloorClick }: Props) {
  const [w, h, d] = layout.size;
  const { palette } = layout;
  const planks = useMemo(() => plankTexture(palette.floor, w / 2, d / 2), [palette.floor, w, d]);
  const click = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > 6) return; // a look-drag, not a click
    e.stopPropagation();
    onFloorClick(e.point);
  };

  const walls: Array<{ pos: [number, number, number]; rotY: number; len: number }> = [
    { pos: [0, h / 2, -d / 2], rotY: 0, len: w },
    { pos: [0, h / 2, d / 2], rotY: Math.PI, len: w },
    { pos: [-w / 2, h / 2, 0], rotY: Math.PI / 2, len: d },
    { pos: [w / 2, h / 2, 0], rotY: -Math.PI / 2, len: d },
  ];

  if (!layout.shell.walls) {
    // The imported model is the room: the floor stays as an unseen surface for clicks (a hidden mesh takes no raycasts).
    return (
      <mesh rotation-x={-Math.PI / 2} onClick={click} name="floor">
        <planeGeometry args={[w, d]} />
        <meshBasicMaterial transparent opacity={0} colorWrite={false} depthWrite={false} />
      </mesh>
    );
  }

  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} receiveShadow onClick={click} name="floor">
        <planeGeometry args={[w, d]} />
        <meshStandardMaterial map={planks} roughness={0.62} metalness={0.02} />
      </mesh>
      {walls.map(({ pos, rotY, len }, i) => (
        <group key={i} position={pos} rotation-y={rotY}>
          <mesh receiveShadow>
            <planeGeometry args={[len, h]} />
            <meshStandardMaterial color={palette.walls} roughness={0.92} />
          </mesh>
          {/* skirting board and accent band at dado height */}
          <mesh position={[0, -h / 2 + 0.06, WALL_T / 2]}>
            <boxGeometry args={[len, 0.12, WALL_T]} />
            <meshStandardMaterial color="#5d4a3a" roughness={0.7} />
          </mesh>
          <mesh position={[0, -h / 2 + 1.0, 0.01]}>
            <boxGeometry args={[len, 0.08, 0.02]} />
            <meshStandardMaterial color={palette.accent} roughness={0.5} />
          </mesh>
        </group>
      ))}
      <mesh position={[0, h, 0]} rotation-x={Math.PI / 2}>
        <planeGeometry args={[w, d]} />
        <meshStandardMaterial color={palette.ceiling} emissive={palette.ceiling} emissiveIntensity={0.45} roughness={1} side={DoubleSide} />
      </mesh>
      <CeilingPanels width={w} depth={d} height={h} />
      {(layout.shell.windows === "right" || layout.shell.windows === "both") && <WindowBand layout={layout} side={1} />}
      {(layout.shell.windows === "left" || layout.shell.windows === "both") && <WindowBand layout={layout} side={-1} />}
    </group>
  );
}

/** Glowing light panels in a grid, 1.2 × 0.6 m: one instanced draw call however large the ceiling. */
function CeilingPanels({ width, depth, height }: { width: number; depth: number; height: number }) {
  const panels = useMemo(() => {
    const out: Array<[number, number, number]> = [];
    for (let x = -width / 2 + 2.5; x <= width / 2 - 2.4; x += 3) {
      for (let z = -depth / 2 + 2; z <= depth / 2 - 1.9; z += 2.6) out.push([x, height - 0.02, z]);
    }
    return out;
  }, [width, depth, height]);
  return (
    <Instances positions={panels} name="ceiling-panels">
      <planeGeometry args={[1.2, 0.6]} />
      <meshBasicMaterial color="#fffdf5" side={DoubleSide} />
    </Instances>
  );
}

/** One instanced mesh of identical parts at the given positions (rotation shared by all, from the geometry). */
function Instances({ positions, name, children }: { positions: Array<[number, number, number]>; name: string; children: ReactNode }) {
  const ref = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new Matrix4();
    const tilt = new Matrix4().makeRotationX(name === "ceiling-panels" ? Math.PI / 2 : 0);
    positions.forEach((p, i) => mesh.setMatrixAt(i, m.makeTranslation(p[0], p[1], p[2]).multiply(tilt)));
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [positions, name]);
  return (
    <instancedMesh ref={ref} args={[undefined, undefined, positions.length]} name={name}>
      {children}
    </instancedMesh>
  );
}

/** A band of windows along the right-hand (side 1) or left-hand (side −1) wall: sky glass behind mullions (3 draw calls). */
function WindowBand({ layout, side }: { layout: RoomLayout; side: 1 | -1 }) {
  const [w, h, d] = layout.size;
  const panes = Math.max(2, Math.floor((d - 2) / 1.6));
  const paneW = (d - 2) / panes;
  const mullions = useMemo(
    () => Array.from({ length: panes + 1 }, (_, i): [number, number, number] => [-(d - 2) / 2 + paneW * i, 1.1 + (h - 1.7) / 2, 0.03]),
    [panes, paneW, d, h],
  );
  return (
    <group position={[side * (w / 2 - 0.02), 0, 0]} rotation-y={(-side * Math.PI) / 2}>
      <mesh position={[0, 1.1 + (h - 1.7) / 2, 0]}>
        <planeGeometry args={[d - 2, h - 1.7]} />
        <meshBasicMaterial color="#cfe8f3" />
      </mesh>
      <Instances positions={mullions} name="mullions">
        <boxGeometry args={[0.08, h - 1.6, 0.06]} />
        <meshStandardMaterial color="#f5f5f2" />
      </Instances>
      <Instances positions={[[0, 1.07, 0.06]]} name="sill">
        <boxGeometry args={[d - 2, 0.06, 0.14]} />
        <meshStandardMaterial color="#f5f5f2" />
      </Instances>
    </group>
  );
}
