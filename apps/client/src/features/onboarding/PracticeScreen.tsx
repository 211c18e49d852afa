import { useEffect, useMemo, useState } from "react";
import { CanvasTexture, SRGBColorSpace } from "three";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { yawOf } from "../locomotion/walkable.js";
import type { OnboardingClient } from "./onboarding-client.js";
import { PRACTICE_ID } from "./use-onboarding.js";

/** Pages of the practice deck. */
const PAGES = 3;
/** Where the screen stands: metres ahead of the person when the step begins, its size in metres. */
const AHEAD = 1.8;
const WIDTH = 1.6;
const HEIGHT = 0.9;

/**
 * A practice deck on a screen of its own, for this person only: pointing at it (mouse or laser)
 * and clicking (or pulling the trigger) turns its page here, never on anyone else's screen. Placed
 * on the room's practice screen when it has one, else ahead of where the person looks when the step
 * begins; the view is never moved to it.
 */
export function PracticeScreen({ client }: { client: OnboardingClient }) {
  const { rig, layout } = useSession();
  const t = useT();
  const [page, setPage] = useState(1);
  const place = useMemo(() => {
    // A room with a practice screen (the onboarding template) shows the deck there, just in front of it.
    const anchor = layout.screens.find((s) => s.id === PRACTICE_ID);
    if (anchor) {
      const yaw = (anchor.yawDeg * Math.PI) / 180;
      const [ax, ay, az] = anchor.position;
      return { x: ax + Math.sin(yaw) * 0.02, y: ay, z: az + Math.cos(yaw) * 0.02, yaw, width: anchor.width, height: anchor.height };
    }
    const [x, y, z] = rig.head.p;
    const yaw = yawOf(rig.head.q);
    return { x: x - Math.sin(yaw) * AHEAD, y, z: z - Math.cos(yaw) * AHEAD, yaw, width: WIDTH, height: HEIGHT };
  }, [rig, layout]);
  const texture = useMemo(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 360;
    const tex = new CanvasTexture(canvas);
    tex.colorSpace = SRGBColorSpace;
    return tex;
  }, []);
  useEffect(() => {
    const ctx = (texture.image as HTMLCanvasElement).getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = ["#1d4e89", "#2a7f62", "#8a3b7a"][(page - 1) % 3] ?? "#1d4e89";
    ctx.fillRect(0, 0, 640, 360);
    ctx.fillStyle = "#ffffff";
    ctx.textAlign = "center";
    ctx.font = "bold 44px sans-serif";
    ctx.fillText(t("onboarding.practice.title", { page, count: PAGES }), 320, 150);
    ctx.font = "26px sans-serif";
    ctx.fillText(t("onboarding.practice.turn"), 320, 230);
    texture.needsUpdate = true;
  }, [page, t, texture]);
  useEffect(() => () => texture.dispose(), [texture]);

  return (
    <group position={[place.x, place.y, place.z]} rotation-y={place.yaw}>
      <mesh
        name="onboarding-practice-screen"
        onPointerOver={() => client.feed({ kind: "screen-pointer", at: client.now(), screenId: PRACTICE_ID })}
        onClick={(e) => {
          e.stopPropagation();
          setPage((p) => (p % PAGES) + 1);
          client.feed({ kind: "page-turn", at: client.now(), screenId: PRACTICE_ID });
        }}
      >
        <planeGeometry args={[place.width, place.height]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}
