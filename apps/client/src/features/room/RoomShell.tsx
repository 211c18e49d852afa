import type { RoomLayout } from "@otc/contract";
import type { ThreeEvent } from "@react-three/fiber";
import { useMemo } from "react";
import { DoubleSide, type Vector3 } from "three";
import { plankTexture } from "./room-textures.js";

interface Props {
  layout: RoomLayout;
  /** Desktop click on the floor (already filtered: not a drag). */
  onFloorClick(point: Vector3): void;
}

const WALL_T = 0.1; // metres

/** Floor, walls, ceiling and the accent band of the room, sized from the layout. */
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
      <WindowBand layout={layout} />
    </group>
  );
}

/** Glowing light panels in a grid, 1.2 × 0.6 m. */
function CeilingPanels({ width, depth, height }: { width: number; depth: number; height: number }) {
  const panels: Array<[number, number]> = [];
  for (let x = -width / 2 + 2.5; x <= width / 2 - 2.4; x += 3) {
    for (let z = -depth / 2 + 2; z <= depth / 2 - 1.9; z += 2.6) panels.push([x, z]);
  }
  return (
    <group>
      {panels.map(([x, z]) => (
        <mesh key={`${x}:${z}`} position={[x, height - 0.02, z]} rotation-x={Math.PI / 2}>
          <planeGeometry args={[1.2, 0.6]} />
          <meshBasicMaterial color="#fffdf5" side={DoubleSide} />
        </mesh>
      ))}
    </group>
  );
}

/** A band of windows along the right-hand wall: bright sky glass between mullions. */
function WindowBand({ layout }: { layout: RoomLayout }) {
  const [w, h, d] = layout.size;
  const panes = Math.max(2, Math.floor((d - 2) / 1.6));
  const paneW = (d - 2) / panes;
  return (
    <group position={[w / 2 - 0.02, 0, 0]} rotation-y={-Math.PI / 2}>
      {Array.from({ length: panes }, (_, i) => {
        const x = -(d - 2) / 2 + paneW * (i + 0.5);
        return (
          <group key={i} position={[x, 1.1 + (h - 1.7) / 2, 0]}>
            <mesh>
              <planeGeometry args={[paneW - 0.12, h - 1.7]} />
              <meshBasicMaterial color="#cfe8f3" />
            </mesh>
            <mesh position={[paneW / 2, 0, 0.03]}>
              <boxGeometry args={[0.08, h - 1.6, 0.06]} />
              <meshStandardMaterial color="#f5f5f2" />
            </mesh>
          </group>
        );
      })}
      <mesh position={[0, 1.07, 0.06]}>
        <boxGeometry args={[d - 2, 0.06, 0.14]} />
        <meshStandardMaterial color="#f5f5f2" />
      </mesh>
      <mesh position={[0, h - 0.58, 0.03]}>
        <boxGeometry args={[d - 2, 0.08, 0.06]} />
        <meshStandardMaterial color="#f5f5f2" />
      </mesh>
    </group>
  );
}
