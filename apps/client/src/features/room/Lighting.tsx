import type { RoomLayout } from "@otc/contract";

/**
 * Soft indoor light without an environment map (no CDN): a hemisphere for the ambient fill and
 * a sun through the window band casting soft shadows.
 */
export function Lighting({ layout }: { layout: RoomLayout }) {
  const [w, h, d] = layout.size;
  const half = Math.max(w, d) / 2 + 1;
  return (
    <>
      <hemisphereLight args={["#fffaf0", layout.palette.floor, 1.6]} />
      <ambientLight intensity={0.35} />
      <directionalLight
        position={[w / 2 + 3, h + 4, 2]}
        intensity={1.8}
        color="#fff3e0"
        castShadow
        shadow-mapSize={[1024, 1024]}
        shadow-bias={-0.0004}
        shadow-normalBias={0.02}
        shadow-radius={4}
        shadow-camera-left={-half}
        shadow-camera-right={half}
        shadow-camera-top={half}
        shadow-camera-bottom={-half}
        shadow-camera-near={0.5}
        shadow-camera-far={30}
      />
    </>
  );
}
