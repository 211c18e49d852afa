import type { RoomLayout } from "@otc/contract";
import { useMemo } from "react";
import { logoTexture, screenTexture } from "./room-textures.js";

/** The brand panel and the framed presentation screen, placed where the layout says. */
export function RoomFixtures({ layout }: { layout: RoomLayout }) {
  const { logo, screen, palette } = layout;
  const logoMap = useMemo(() => logoTexture(logo.text, palette.accent), [logo.text, palette.accent]);
  const screenMap = useMemo(() => screenTexture(palette.accent), [palette.accent]);
  const frame = 0.08; // metres of bezel on each side
  return (
    <group>
      <group position={logo.position} name="logo">
        <mesh position={[0, 0, -0.015]} castShadow>
          <boxGeometry args={[logo.size + 0.08, logo.size + 0.08, 0.03]} />
          <meshStandardMaterial color={palette.accent} roughness={0.5} />
        </mesh>
        <mesh position={[0, 0, 0.002]}>
          <planeGeometry args={[logo.size, logo.size]} />
          <meshStandardMaterial map={logoMap} roughness={0.8} />
        </mesh>
      </group>
      <group position={screen.position} name="screen">
        <mesh position={[0, 0, -0.03]} castShadow>
          <boxGeometry args={[screen.width + frame * 2, screen.height + frame * 2, 0.06]} />
          <meshStandardMaterial color="#20272b" roughness={0.4} metalness={0.3} />
        </mesh>
        <mesh position={[0, 0, 0.002]}>
          <planeGeometry args={[screen.width, screen.height]} />
          <meshBasicMaterial map={screenMap} toneMapped={false} />
        </mesh>
        <mesh position={[0, -screen.height / 2 - 0.2, 0.12]} castShadow receiveShadow>
          <boxGeometry args={[screen.width * 0.7, 0.05, 0.3]} />
          <meshStandardMaterial color="#d9d3c7" roughness={0.7} />
        </mesh>
      </group>
    </group>
  );
}
