import type { PanelAnchor, RoomLayout } from "@otc/contract";
import { useMemo } from "react";
import type { Texture } from "three";
import { useT } from "../i18n/language-context.js";
import { screenTexture } from "./room-textures.js";
import { useLogoTexture } from "./use-logo-texture.js";

const DEG = Math.PI / 180;

/**
 * The brand panel, the framed slide screens and the whiteboards, placed where the room file says.
 * Each panel's surface is a named mesh (`screen:<id>`, `board:<id>`) that the slides and whiteboard
 * features find and draw on.
 */
export function RoomFixtures({ layout }: { layout: RoomLayout }) {
  const { logo, palette } = layout;
  const logoMap = useLogoTexture(layout);
  const t = useT();
  const screenMap = useMemo(() => screenTexture(palette.accent, { title: t("room.screen"), hint: t("room.screenHint") }), [palette.accent, t]);
  return (
    <group>
      <group position={logo.position} rotation-y={((logo.yawDeg ?? 0) * Math.PI) / 180} name="logo">
        <mesh position={[0, 0, -0.015]} castShadow>
          <boxGeometry args={[logo.size + 0.08, logo.size + 0.08, 0.03]} />
          <meshStandardMaterial color={palette.accent} roughness={0.5} />
        </mesh>
        <mesh position={[0, 0, 0.002]}>
          <planeGeometry args={[logo.size, logo.size]} />
          <meshStandardMaterial key={logoMap.uuid} map={logoMap} roughness={0.8} />
        </mesh>
      </group>
      {layout.screens.map((s) => (
        <SlideScreenFrame key={s.id} anchor={s} idle={screenMap} />
      ))}
      {layout.boards.map((b) => (
        <WhiteboardFrame key={b.id} anchor={b} />
      ))}
    </group>
  );
}

function SlideScreenFrame({ anchor, idle }: { anchor: PanelAnchor; idle: Texture }) {
  const frame = 0.08; // metres of bezel on each side
  return (
    <group position={anchor.position} rotation-y={anchor.yawDeg * DEG} name={`screen-anchor:${anchor.id}`}>
      <mesh position={[0, 0, -0.03]} castShadow>
        <boxGeometry args={[anchor.width + frame * 2, anchor.height + frame * 2, 0.06]} />
        <meshStandardMaterial color="#20272b" roughness={0.4} metalness={0.3} />
      </mesh>
      <mesh position={[0, 0, 0.002]} name={`screen:${anchor.id}`}>
        <planeGeometry args={[anchor.width, anchor.height]} />
        <meshBasicMaterial map={idle} toneMapped={false} />
      </mesh>
      <mesh position={[0, -anchor.height / 2 - 0.2, 0.12]} castShadow receiveShadow>
        <boxGeometry args={[anchor.width * 0.7, 0.05, 0.3]} />
        <meshStandardMaterial color="#d9d3c7" roughness={0.7} />
      </mesh>
    </group>
  );
}

function WhiteboardFrame({ anchor }: { anchor: PanelAnchor }) {
  const rim = 0.04; // metres of aluminium rim
  return (
    <group position={anchor.position} rotation-y={anchor.yawDeg * DEG} name={`board-anchor:${anchor.id}`}>
      <mesh position={[0, 0, -0.02]} castShadow>
        <boxGeometry args={[anchor.width + rim * 2, anchor.height + rim * 2, 0.03]} />
        <meshStandardMaterial color="#b9c0c4" roughness={0.35} metalness={0.6} />
      </mesh>
      <mesh position={[0, 0, 0.001]} name={`board:${anchor.id}`}>
        <planeGeometry args={[anchor.width, anchor.height]} />
        <meshStandardMaterial color="#fbfbf8" roughness={0.25} />
      </mesh>
      <mesh position={[0, -anchor.height / 2 - 0.04, 0.05]} castShadow>
        <boxGeometry args={[anchor.width * 0.8, 0.03, 0.08]} />
        <meshStandardMaterial color="#b9c0c4" roughness={0.35} metalness={0.6} />
      </mesh>
    </group>
  );
}
