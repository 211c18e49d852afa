import { useEffect, useMemo, useRef, useState } from "react";
import { CanvasTexture, SRGBColorSpace } from "three";
import { useSession, useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { yawOf } from "../locomotion/walkable.js";
import { boardsClientFor } from "../whiteboard/boards-client.js";
import { RAY_TARGET_KEY } from "../xr/ray-target.js";
import type { OnboardingClient } from "./onboarding-client.js";
import { PRACTICE_ID } from "./use-onboarding.js";
import { useRayClaim } from "./use-ray-claim.js";

/** Pages of the practice deck. */
const PAGES = 3;
/** Where the screen stands: metres ahead of the person when the step begins, its size in metres. */
const AHEAD = 1.8;
const WIDTH = 1.6;
const HEIGHT = 0.9;

/**
 * A practice deck on a screen of its own, for this person only: pointing at it (mouse or the
 * controller's ray) and clicking (or pulling and releasing the trigger on it) turns its page here,
 * never on anyone else's screen. In VR the ray reaches it and, while there, keeps the trigger from
 * also teleporting. Placed
 * on the room's practice screen when it has one, else ahead of where the person looks when the step
 * begins; the view is never moved to it.
 */
export function PracticeScreen({ client }: { client: OnboardingClient }) {
  const { rig, layout, room } = useSession();
  const t = useT();
  const [page, setPage] = useState(1);
  const inVr = useSessionUi((s) => s.inVr);
  const claim = useRayClaim();
  const down = useRef(false);
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
  useEffect(() => {
    client.screenAt = [place.x, place.y, place.z];
    return () => void (client.screenAt = null);
  }, [client, place]);
  // Desktop: a board's pen takes a press within reach before the scene does, so the deck would get
  // a dot on the board behind it instead of a page turn (the person has just drawn). While the deck
  // shows, the pen rests (the board panel shows "Look"); it comes back when the step ends.
  useEffect(() => {
    if (inVr) return;
    const tools = boardsClientFor(room, layout.boards).tools;
    const before = tools.getState().tool;
    if (before === "look") return;
    tools.getState().set({ tool: "look" });
    return () => {
      if (tools.getState().tool === "look") tools.getState().set({ tool: before });
    };
  }, [inVr, room, layout]);
  const turn = () => {
    setPage((p) => (p % PAGES) + 1);
    client.feed({ kind: "page-turn", at: client.now(), screenId: PRACTICE_ID });
  };

  return (
    <group position={[place.x, place.y, place.z]} rotation-y={place.yaw}>
      <mesh
        name="onboarding-practice-screen"
        userData={{ [RAY_TARGET_KEY]: inVr }}
        onPointerEnter={() => {
          claim.onPointerEnter();
          client.feed({ kind: "screen-pointer", at: client.now(), screenId: PRACTICE_ID });
        }}
        onPointerLeave={() => {
          claim.onPointerLeave();
          down.current = false;
        }}
        // VR: the trigger released over the screen it went down on (the library's click needs both within 300 ms).
        onPointerDown={() => void (down.current = inVr)}
        onPointerUp={() => {
          if (!down.current) return;
          down.current = false;
          turn();
        }}
        onClick={(e) => {
          e.stopPropagation();
          if (!inVr) turn();
        }}
      >
        <planeGeometry args={[place.width, place.height]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}
