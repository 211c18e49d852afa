import type { WireItem } from "@otc/contract";
import { PerspectiveCamera, Vector3 } from "three";
import type { Session } from "../../session-context.js";
import { boardsClientFor, type ToolKind } from "./boards-client.js";
import { boardPng } from "./export-board.js";

/** Read-only view of the whiteboards for browser tests (plus `pngSize`, which runs the real PNG export). */
export interface WhiteboardTestHooks {
  /** Every board as this page holds it: items in drawing order and the last applied patch. */
  boards(): Record<string, { seq: number; items: WireItem[] }>;
  /** Strokes being drawn right now (live ink), per board. */
  liveCount(board: string): number;
  /** Where a board point (board units) appears on screen, CSS pixels, for driving the mouse. */
  screenPoint(board: string, x: number, y: number): [number, number] | null;
  /** World position of a board point, metres (to aim a VR controller at it). */
  worldPoint(board: string, x: number, y: number): [number, number, number] | null;
  pngSize(board: string): Promise<number>;
  setTool(tool: string, extra?: Record<string, unknown>): void;
}

/** The desktop camera as DesktopControls places it (fov 70°, see Experience), for projecting board points. */
function desktopCamera(session: Session, aspect: number): PerspectiveCamera {
  const cam = new PerspectiveCamera(70, aspect, 0.05, 60);
  cam.position.copy(session.rig.desktopHead);
  cam.rotation.set(session.rig.pitch, session.rig.yaw, 0, "YXZ");
  cam.updateMatrixWorld();
  return cam;
}

export function whiteboardTestHooks(session: Session): WhiteboardTestHooks {
  const client = () => boardsClientFor(session.room, session.layout.boards);
  const world = (board: string, x: number, y: number) => {
    const anchor = session.layout.boards.find((b) => b.id === board);
    const replica = client().replicas.get(board);
    if (!anchor || !replica) return null;
    const local = new Vector3((x / replica.w - 0.5) * anchor.width, (0.5 - y / replica.h) * anchor.height, 0.004);
    return local.applyAxisAngle(new Vector3(0, 1, 0), (anchor.yawDeg * Math.PI) / 180).add(new Vector3(...anchor.position));
  };
  return {
    boards: () => Object.fromEntries([...client().replicas].map(([id, r]) => [id, { seq: r.seq, items: r.ordered() }])),
    liveCount: (board) => client().live.get(board)?.size ?? 0,
    worldPoint: (board, x, y) => (world(board, x, y)?.toArray() as [number, number, number] | undefined) ?? null,
    screenPoint: (board, x, y) => {
      const p = world(board, x, y);
      const canvas = document.querySelector(".scene canvas");
      if (!p || !canvas) return null;
      const rect = canvas.getBoundingClientRect();
      p.project(desktopCamera(session, rect.width / rect.height));
      return [rect.left + ((p.x + 1) / 2) * rect.width, rect.top + ((1 - p.y) / 2) * rect.height];
    },
    pngSize: async (board) => (await boardPng(client().replicas.get(board)!)).size,
    setTool: (tool, extra = {}) => client().tools.getState().set({ tool: tool as ToolKind, ...extra }),
  };
}
