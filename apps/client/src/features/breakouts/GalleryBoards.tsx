import { BOARD_UNITS, boardUnitsHigh, type BreakoutGalleryShow, type PanelAnchor } from "@otc/contract";
import { useEffect, useMemo } from "react";
import { CanvasTexture, SRGBColorSpace } from "three";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { SYSTEM_FONT } from "../room/canvas-texture.js";
import { drawBoard, PIXELS_PER_UNIT } from "../whiteboard/board-painter.js";
import { boardsClientFor } from "../whiteboard/boards-client.js";
import { useBreakoutsUi } from "./use-breakouts.js";

const DEG = Math.PI / 180;

/** Paints a group's board, scaled to fit this board, with its caption in a band along the top. */
function paint(show: BreakoutGalleryShow, anchor: PanelAnchor, caption: string): CanvasTexture {
  const h = boardUnitsHigh(anchor.width, anchor.height);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(BOARD_UNITS * PIXELS_PER_UNIT);
  canvas.height = Math.round(h * PIXELS_PER_UNIT);
  const ctx = canvas.getContext("2d")!;
  const fit = Math.min(1, h / Math.max(1, show.snapshot.h), BOARD_UNITS / Math.max(1, show.snapshot.w));
  drawBoard(ctx, []);
  ctx.save();
  ctx.scale(fit, fit);
  drawBoard(ctx, show.snapshot.items);
  ctx.restore();
  const band = 72; // pixels
  ctx.fillStyle = "rgba(30, 58, 138, 0.9)";
  ctx.fillRect(0, 0, canvas.width, band);
  ctx.fillStyle = "#ffffff";
  ctx.font = `600 ${band * 0.55}px ${SYSTEM_FONT}`;
  ctx.textBaseline = "middle";
  ctx.fillText(caption, 24, band / 2);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}

function GalleryCopy({ show, anchor }: { show: BreakoutGalleryShow; anchor: PanelAnchor }) {
  const t = useT();
  const caption = t("breakoutplans.gallery.caption", { n: show.group + 1 });
  const texture = useMemo(() => paint(show, anchor, caption), [show, anchor, caption]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <group position={anchor.position} rotation-y={anchor.yawDeg * DEG} name={`gallery:${anchor.id}`}>
      {/* In front of the board and its live-ink layer; not a pointer target, so rays pass to nothing (the board is covered). */}
      <mesh position={[0, 0, 0.01]} raycast={() => undefined}>
        <planeGeometry args={[anchor.width, anchor.height]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}

/**
 * The board gallery after a breakout: each main-room board a facilitator chose shows a read-only
 * copy of a group's board, for everyone (desktop and VR); drawing on a covered board is off.
 */
export function GalleryBoards() {
  const { room, layout } = useSession();
  const shows = useBreakoutsUi((s) => s.gallery);
  const boards = useMemo(() => boardsClientFor(room, layout.boards), [room, layout.boards]);
  useEffect(() => {
    boards.covered.clear();
    for (const s of shows) boards.covered.add(s.board);
  }, [boards, shows]);
  return (
    <>
      {shows.map((s) => {
        const anchor = layout.boards.find((b) => b.id === s.board);
        return anchor ? <GalleryCopy key={s.board} show={s} anchor={anchor} /> : null;
      })}
    </>
  );
}
