import type { WireItem } from "@otc/contract";
import { PerspectiveCamera, Quaternion, Vector3, type Object3D } from "three";
import type { Session } from "../../session-context.js";
import { boardsClientFor, type ToolKind } from "./boards-client.js";
import { boardPng } from "./export-board.js";
import { rayHandOf } from "../xr/ray-hand.js";

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
  /**
   * Emulated VR only: holds the right controller `distance` metres in front of a board point and
   * points it straight at that point (converted into the XR origin's space, as IWER expects).
   */
  aimController(board: string, x: number, y: number, distance?: number): boolean;
  setTool(tool: string, extra?: Record<string, unknown>): void;
  /**
   * Emulated VR only: what each hand's library ray pointer rests on now (the named object nearest the
   * hit, e.g. `whiteboard-surface:front`, or null), and how far along the ray, metres.
   */
  rays(): Array<{ hand: string; hit: string | null; distance: number | null }>;
  /** The one tool store (desktop toolbar, VR Board tab and both pointers read it). */
  tools(): { tool: ToolKind; colour: string; width: number; activeBoard: string };
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
    aimController: (board, x, y, distance = 0.5) => {
      const target = world(board, x, y);
      const anchor = session.layout.boards.find((b) => b.id === board);
      const device = session.xr.device;
      const origin = session.rig.origin;
      if (!target || !anchor || !device || !origin) return false;
      const yaw = (anchor.yawDeg * Math.PI) / 180;
      const normal = new Vector3(Math.sin(yaw), 0, Math.cos(yaw)); // the board faces +z before its yaw
      const from = target.clone().addScaledVector(normal, distance);
      origin.updateMatrixWorld();
      const inverse = origin.matrixWorld.clone().invert();
      const local = from.clone().applyMatrix4(inverse);
      const localTarget = target.clone().applyMatrix4(inverse);
      const dir = localTarget.sub(local).normalize();
      const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), dir);
      device.controllers.right!.position.set(local.x, local.y, local.z);
      device.controllers.right!.quaternion.set(q.x, q.y, q.z, q.w);
      return true;
    },
    pngSize: async (board) => (await boardPng(client().replicas.get(board)!)).size,
    tools: () => {
      const { tool, colour, width, activeBoard } = client().tools.getState();
      return { tool, colour, width, activeBoard };
    },
    rays: () =>
      [...(globalThis.pointerEventspointerMap?.values() ?? [])]
        .filter((p) => p.type === "ray" && rayHandOf({ pointerState: p.state }) !== null)
        .map((p) => {
          const hit = p.getIntersection();
          let named: Object3D | null = hit?.object ?? null;
          while (named && !named.name) named = named.parent;
          return { hand: rayHandOf({ pointerState: p.state })!, hit: named?.name ?? null, distance: hit ? hit.distance : null };
        }),
    setTool: (tool, extra = {}) => client().tools.getState().set({ tool: tool as ToolKind, ...extra }),
  };
}
