import type { RoomLayout } from "@otc/contract";
import { useEffect, useMemo } from "react";
import { bannerTexture } from "./room-textures.js";

const DEG = Math.PI / 180;

/** The brand kit's welcome banner, where the room file puts it (aspect 8:1). */
export function BrandBanner({ layout }: { layout: RoomLayout }) {
  const banner = layout.brand?.banner;
  const primary = layout.brand?.primary ?? layout.palette.accent;
  const secondary = layout.brand?.secondary ?? "#ffffff";
  const map = useMemo(() => (banner ? bannerTexture(banner.text, primary, secondary) : null), [banner, primary, secondary]);
  useEffect(() => () => map?.dispose(), [map]);
  if (!banner || !map) return null;
  return (
    <mesh position={banner.position} rotation-y={banner.yawDeg * DEG} name="brand-banner">
      <planeGeometry args={[banner.width, banner.width / 8]} />
      <meshStandardMaterial map={map} roughness={0.7} />
    </mesh>
  );
}
