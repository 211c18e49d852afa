import type { PanelAnchor } from "@otc/contract";
import { formatRemaining } from "@otc/timer";
import { useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import { SYSTEM_FONT, canvasTexture } from "../room/canvas-texture.js";
import type { TimerClient } from "./timer-client.js";

const DEG = Math.PI / 180;

/** The countdown on the screen a facilitator chose: a badge over the screen's top-right corner, redrawn each second. */
export function TimerScreens({ timer, anchors }: { timer: TimerClient; anchors: readonly PanelAnchor[] }) {
  const running = useStore(timer.ui, (s) => s.timer);
  const anchor = anchors.find((a) => a.id === running?.screenId);
  return running && anchor ? <ScreenCountdown anchor={anchor} timer={timer} label={running.label} /> : null;
}

function ScreenCountdown({ anchor, timer, label }: { anchor: PanelAnchor; timer: TimerClient; label: string }) {
  const [text, setText] = useState(() => formatRemaining(timer.remaining() ?? 0));
  useEffect(() => {
    const id = setInterval(() => setText(formatRemaining(timer.remaining() ?? 0)), 250);
    return () => clearInterval(id);
  }, [timer]);
  const texture = useMemo(
    () =>
      canvasTexture(512, 192, (ctx, w, h) => {
        ctx.fillStyle = text === "0:00" ? "rgba(176,0,32,0.92)" : "rgba(20,28,33,0.9)";
        ctx.fillRect(0, 0, w, h);
        ctx.fillStyle = "#ffffff";
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.font = `500 36px ${SYSTEM_FONT}`;
        if (label) ctx.fillText(label, w / 2, 36, w - 24);
        ctx.font = `800 ${label ? 110 : 130}px ${SYSTEM_FONT}`;
        ctx.fillText(text, w / 2, label ? 125 : h / 2, w - 24);
      }),
    [text, label],
  );
  useEffect(() => () => texture.dispose(), [texture]);
  const w = Math.min(anchor.width * 0.28, 1.0); // metres
  return (
    <group position={anchor.position} rotation-y={anchor.yawDeg * DEG}>
      <mesh position={[anchor.width / 2 - w / 2, anchor.height / 2 - (w * 3) / 16, 0.02]} name={`timer-screen:${anchor.id}`} raycast={() => null}>
        <planeGeometry args={[w, (w * 3) / 8]} />
        <meshBasicMaterial key={texture.uuid} map={texture} toneMapped={false} transparent />
      </mesh>
    </group>
  );
}
