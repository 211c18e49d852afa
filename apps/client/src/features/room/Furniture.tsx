import { FURNITURE_KINDS, type RoomLayout } from "@otc/contract";
import { DEFAULT_STAGE_SIZE, furniturePlacements, seatPlacements, type Placement } from "@otc/rooms";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { Euler, InstancedMesh, Matrix4, Quaternion, Vector3 } from "three";
import { disposeParts, furnitureParts, type Part, type PartKind } from "./furniture-parts.js";

const DEG = Math.PI / 180;

function InstancedPart({ part, at }: { part: Part; at: Placement[] }) {
  const ref = useRef<InstancedMesh>(null);
  const count = at.length * part.offsets.length;
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new Matrix4();
    const q = new Quaternion();
    const e = new Euler();
    const o = new Vector3();
    const one = new Vector3(1, 1, 1);
    let i = 0;
    for (const p of at) {
      q.setFromEuler(e.set(0, p.yawDeg * DEG, 0));
      for (const off of part.offsets) {
        o.set(off[0], off[1], off[2]).applyQuaternion(q);
        mesh.setMatrixAt(i++, m.compose(o.add(new Vector3(p.position[0], p.position[1], p.position[2])), q, one));
      }
    }
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [part, at]);
  if (count === 0) return null;
  return <instancedMesh ref={ref} args={[part.geometry, part.material, count]} castShadow={part.castShadow} receiveShadow />;
}

/** A raised platform (auditorium stage) in the accent colour, sized by the room file. */
function Stage({ at, accent }: { at: Array<Placement & { size?: [number, number, number] | undefined }>; accent: string }) {
  return (
    <>
      {at.map((p, i) => {
        const [w, h, d] = p.size ?? DEFAULT_STAGE_SIZE;
        return (
          <group key={i} position={p.position} rotation-y={p.yawDeg * DEG}>
            <mesh position={[0, h / 2, 0]} receiveShadow castShadow>
              <boxGeometry args={[w, h, d]} />
              <meshStandardMaterial color="#7a5d45" roughness={0.55} />
            </mesh>
            <mesh position={[0, h * 0.5, d / 2 + 0.005]}>
              <planeGeometry args={[w, h * 0.4]} />
              <meshStandardMaterial color={accent} roughness={0.5} />
            </mesh>
          </group>
        );
      })}
    </>
  );
}

/**
 * The room file's furniture and seats. Every part of every kind is one instanced draw call (plus
 * its shadow), however many pieces the room holds: 150 auditorium chairs cost as much as one.
 */
export function Furniture({ layout }: { layout: RoomLayout }) {
  const accent = layout.brand?.primary ?? layout.palette.accent;
  const secondary = layout.brand?.secondary ?? "#8e9aa3";
  const parts = useMemo(() => furnitureParts(accent, secondary), [accent, secondary]);
  useEffect(() => () => disposeParts(parts), [parts]);
  const placed = useMemo(() => {
    const out = new Map<PartKind, Placement[]>();
    out.set("chair", seatPlacements(layout));
    for (const kind of FURNITURE_KINDS) out.set(kind, furniturePlacements(layout, kind));
    return out;
  }, [layout]);
  return (
    <group name="furniture">
      {[...placed].flatMap(([kind, at]) => parts[kind].map((p, i) => <InstancedPart key={`${kind}${i}`} part={p} at={at} />))}
      <Stage at={furniturePlacements(layout, "stage")} accent={accent} />
    </group>
  );
}
