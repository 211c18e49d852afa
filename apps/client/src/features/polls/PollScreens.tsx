import type { PanelAnchor } from "@otc/contract";
import { useEffect, useMemo } from "react";
import { useStore } from "zustand";
import { useT } from "../i18n/language-context.js";
import { canvasTexture } from "../room/canvas-texture.js";
import { drawChart, type ChartDrawn } from "./chart-draw.js";
import type { PollsClient } from "./polls-client.js";

const DEG = Math.PI / 180;
/** Chart canvas width, px (height follows the screen's aspect). */
const CHART_PX = 1024;

/**
 * Poll results, word clouds and the leaderboard drawn on the slide screens a facilitator chose: a
 * canvas texture on a plane just in front of the screen's page, so people in VR see it as well.
 */
export function PollScreens({ polls, anchors, drawn }: { polls: PollsClient; anchors: readonly PanelAnchor[]; drawn: Map<string, ChartDrawn> }) {
  const screens = useStore(polls.ui, (s) => s.screens);
  return (
    <>
      {anchors.map((anchor) => {
        const shown = screens[anchor.id];
        return shown ? <ScreenChart key={anchor.id} anchor={anchor} pollId={shown.pollId} view={shown.view} polls={polls} drawn={drawn} /> : null;
      })}
    </>
  );
}

function ScreenChart({ anchor, pollId, view, polls, drawn }: { anchor: PanelAnchor; pollId: string; view: "results" | "leaderboard"; polls: PollsClient; drawn: Map<string, ChartDrawn> }) {
  const poll = useStore(polls.ui, (s) => s.polls.find((p) => p.id === pollId));
  const leaderboard = useStore(polls.ui, (s) => s.leaderboard);
  const t = useT();
  const texture = useMemo(() => {
    let summary: ChartDrawn | undefined;
    const made = canvasTexture(CHART_PX, Math.round((CHART_PX * anchor.height) / anchor.width), (ctx, w, h) => {
      summary = drawChart(ctx, w, h, poll, view, leaderboard, t);
    });
    if (summary) drawn.set(anchor.id, summary);
    return made;
  }, [anchor, poll, view, leaderboard, drawn, t]);
  useEffect(() => () => texture.dispose(), [texture]);
  useEffect(() => () => void drawn.delete(anchor.id), [drawn, anchor.id]);
  return (
    <group position={anchor.position} rotation-y={anchor.yawDeg * DEG}>
      <mesh position={[0, 0, 0.015]} name={`poll-chart:${anchor.id}`} raycast={() => null}>
        <planeGeometry args={[anchor.width, anchor.height]} />
        <meshBasicMaterial key={texture.uuid} map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}
