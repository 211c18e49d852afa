import { BOARD_UNITS, boardUnitsHigh, type PanelAnchor } from "@otc/contract";
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import { CanvasTexture, SRGBColorSpace, Vector3, type Mesh } from "three";
import { FrameOrder } from "../../frame-order.js";
import { BOARD_TARGET_KEY, RAY_TARGET_KEY } from "../xr/ray-target.js";
import { drawBoard, drawItem, drawPolyline, PIXELS_PER_UNIT } from "./board-painter.js";
import type { BoardsClient } from "./boards-client.js";
import type { BoardPointerHandlers } from "./use-vr-board-pointer.js";

const DEG = Math.PI / 180;

function layer(w: number, h: number): { ctx: CanvasRenderingContext2D; texture: CanvasTexture } {
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(w * PIXELS_PER_UNIT);
  canvas.height = Math.round(h * PIXELS_PER_UNIT);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return { ctx: canvas.getContext("2d")!, texture };
}

const local = new Vector3();

/** Board units under a world point on a board surface mesh (clamped to the board). */
export function boardPointOf(mesh: Mesh, anchor: PanelAnchor, world: Vector3): [number, number] {
  mesh.worldToLocal(local.copy(world));
  const h = boardUnitsHigh(anchor.width, anchor.height);
  const x = Math.round((local.x / anchor.width + 0.5) * BOARD_UNITS);
  const y = Math.round((0.5 - local.y / anchor.height) * h);
  return [Math.max(0, Math.min(BOARD_UNITS, x)), Math.max(0, Math.min(h, y))];
}

/**
 * One whiteboard on its anchor: the committed board as one canvas texture, drawn incrementally
 * (a new item is painted on top; only deletions and snapshots repaint everything), and a second,
 * transparent layer for strokes still being drawn. Input comes from `useDesktopBoardInput` (the mouse,
 * raycasting against the registered surface) and `pointer` (the VR rays of the one pointer path, see
 * `useVrBoardPointer`), whose handlers sit on the surface, marked as a ray target and a board.
 */
export function Whiteboard({ anchor, client, register, pointer }: { anchor: PanelAnchor; client: BoardsClient; register: (id: string, mesh: Mesh | null) => void; pointer: BoardPointerHandlers }) {
  const h = boardUnitsHigh(anchor.width, anchor.height);
  const committed = useMemo(() => layer(BOARD_UNITS, h), [h]);
  const live = useMemo(() => layer(BOARD_UNITS, h), [h]);
  const liveDirty = useRef(true);
  const surface = useRef<Mesh>(null);

  useEffect(() => {
    const replica = client.replicas.get(anchor.id)!;
    let drawnUpTo = 0;
    const redraw = () => {
      const items = replica.ordered();
      drawBoard(committed.ctx, items);
      drawnUpTo = items.at(-1)?.id ?? 0;
    };
    redraw();
    committed.texture.needsUpdate = true;
    const off = client.subscribe(anchor.id, (patch) => {
      const onTop = patch !== null && patch.del.length === 0 && patch.put.every((i) => i.id > drawnUpTo);
      if (onTop) {
        for (const item of patch.put) drawItem(committed.ctx, item);
        drawnUpTo = Math.max(drawnUpTo, ...patch.put.map((i) => i.id));
      } else redraw();
      committed.texture.needsUpdate = true;
    });
    const offLive = client.subscribeLive((board) => {
      if (board === anchor.id) liveDirty.current = true;
    });
    return () => {
      off();
      offLive();
    };
  }, [client, anchor.id, committed]);

  useEffect(() => () => (committed.texture.dispose(), live.texture.dispose()), [committed, live]);
  useEffect(() => {
    register(anchor.id, surface.current);
    return () => register(anchor.id, null);
  }, [register, anchor.id]);

  useFrame(() => {
    client.expireLive(performance.now());
    if (!liveDirty.current) return;
    liveDirty.current = false;
    const { ctx } = live;
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    for (const s of client.live.get(anchor.id)?.values() ?? []) drawPolyline(ctx, s.pts, s.tool, s.colour, s.width);
    live.texture.needsUpdate = true;
  }, FrameOrder.input);

  return (
    <group position={anchor.position} rotation-y={anchor.yawDeg * DEG} name={`whiteboard:${anchor.id}`}>
      <mesh ref={surface} name={`whiteboard-surface:${anchor.id}`} position={[0, 0, 0.004]} userData={{ [RAY_TARGET_KEY]: true, [BOARD_TARGET_KEY]: true }} {...pointer}>
        <planeGeometry args={[anchor.width, anchor.height]} />
        <meshBasicMaterial map={committed.texture} toneMapped={false} />
      </mesh>
      <mesh position={[0, 0, 0.006]} raycast={() => undefined}>
        <planeGeometry args={[anchor.width, anchor.height]} />
        <meshBasicMaterial map={live.texture} transparent depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
