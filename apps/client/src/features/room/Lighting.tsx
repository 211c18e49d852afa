import type { RoomLayout } from "@otc/contract";

/**
 * Soft indoor light without an environment map (no CDN): a hemisphere for the ambient fill and
 * a sun through the window band casting soft shadows.
 */
const PRESETS = {
  daylight: { sky: "#fffaf0", hemi: 1.6, ambient: 0.35, sun: 1.8, sunColour: "#fff3e0" },
  warm: { sky: "#fff1dc", hemi: 1.45, ambient: 0.4, sun: 1.4, sunColour: "#ffd9a8" },
  evening: { sky: "#e8ecff", hemi: 1.1, ambient: 0.55, sun: 0.6, sunColour: "#c9d4ff" },
} as const;

export function Lighting({ layout }: { layout: RoomLayout }) {
  const [w, h, d] = layout.size;
  const half = Math.max(w, d) / 2 + 1;
  const light = PRESETS[layout.lighting.preset];
  return (
    <>
      <hemisphereLight args={[light.sky, layout.palette.floor, light.hemi]} />
      <ambientLight intensity={light.ambient} />
      <directionalLight
        position={[w / 2 + 3, h + 4, 2]}
        intensity={light.sun}
        color={light.sunColour}
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
        shadow-camera-far={Math.max(30, half * 3)}
      />
    </>
  );
}
