import { useFrame, type ThreeEvent } from "@react-three/fiber";
import { useMemo } from "react";
import type { Mesh } from "three";
import type { PanelAnchor } from "@otc/contract";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { isPressed } from "../xr/pressed.js";
import { rayHandOf, type RayHand } from "../xr/ray-hand.js";
import { withinRayReach } from "../xr/ray-reach.js";
import { startGesture, type BoardGesture } from "./board-gestures.js";
import type { BoardsClient } from "./boards-client.js";
import { boardPointOf } from "./Whiteboard.js";

const RAY_HANDS = ["left", "right"] as const;

/** Whether that hand's input source holds its press (looked up without building an array: this runs every frame). */
function handPressed(session: XRSession, hand: RayHand): boolean {
  for (const source of session.inputSources) if (source.handedness === hand) return isPressed(session, source);
  return false;
}

/** The R3F pointer handlers one board surface spreads on its mesh. */
export interface BoardPointerHandlers {
  onPointerMove(e: ThreeEvent<PointerEvent>): void;
  onPointerDown(e: ThreeEvent<PointerEvent>): void;
  onPointerUp(e: ThreeEvent<PointerEvent>): void;
  onPointerCancel(e: ThreeEvent<PointerEvent>): void;
  onPointerLeave(e: ThreeEvent<PointerEvent>): void;
}

interface HandState {
  /** The board this hand's ray rests on within reach, or null. */
  over: string | null;
  gesture: BoardGesture | null;
  board: string;
  /** The surface holding this hand's pointer capture while it draws, and that pointer. */
  captured: { mesh: Mesh; pointerId: number } | null;
}

/**
 * VR drawing through the one pointer path: @react-three/xr's ray pointers (right controller or hand,
 * and the left one, whose filter takes boards only) send R3F pointer events to the board surfaces.
 * A press (trigger or pinch) on a board within `RAY_REACH_M` starts a gesture with the tool of the
 * one tool store (shared with the desktop toolbar and the VR Board tab); the surface captures that
 * pointer, so the stroke goes on, clamped to the edge, when the ray leaves the board. A hand whose ray
 * rests on a board, or draws, is marked in `rig.handsOnBoard`, so its trigger does not also aim a
 * teleport. The desktop mouse keeps its own path (`useDesktopBoardInput`); its events carry no hand
 * and are ignored here. Returns the handlers for each board.
 */
export function useVrBoardPointer(client: BoardsClient, anchors: readonly PanelAnchor[]): (board: string) => BoardPointerHandlers {
  const { rig, xr } = useSession();
  const hands = useMemo<Record<RayHand, HandState>>(
    () => ({ left: { over: null, gesture: null, board: "", captured: null }, right: { over: null, gesture: null, board: "", captured: null } }),
    [],
  );

  const end = (h: HandState) => {
    h.gesture?.end(performance.now());
    h.gesture = null;
    if (h.captured) h.captured.mesh.releasePointerCapture(h.captured.pointerId);
    h.captured = null;
  };

  // A release the library never delivers (the ray left every target, the session ended) still ends the stroke.
  useFrame(() => {
    const session = xr.store.getState().session;
    for (const hand of RAY_HANDS) {
      const h = hands[hand];
      if (h.gesture && !(session && handPressed(session, hand))) end(h);
      if (!session) h.over = null;
      rig.handsOnBoard[hand] = h.over !== null || h.gesture !== null;
    }
  }, FrameOrder.boardInput);

  const handlers = useMemo(() => {
    const byId = new Map(anchors.map((a) => [a.id, a]));
    const made = new Map<string, BoardPointerHandlers>();
    const pointOf = (board: string, e: ThreeEvent<PointerEvent>) => boardPointOf(e.eventObject as Mesh, byId.get(board)!, e.point);
    const make = (board: string): BoardPointerHandlers => ({
      onPointerMove: (e) => {
        const hand = rayHandOf(e);
        if (!hand) return;
        const h = hands[hand];
        const near = !client.covered.has(board) && withinRayReach(e.distance);
        if (near) h.over = board;
        else if (h.over === board) h.over = null;
        if (h.gesture && h.board === board) {
          const [x, y] = pointOf(board, e);
          h.gesture.move(x, y, performance.now());
        }
      },
      onPointerDown: (e) => {
        const hand = rayHandOf(e);
        if (!hand || client.covered.has(board) || !withinRayReach(e.distance)) return;
        const h = hands[hand];
        end(h);
        const [x, y] = pointOf(board, e);
        h.board = board;
        h.over = board;
        h.gesture = startGesture(client, board, x, y, performance.now());
        if (!h.gesture) return; // the note tool places or picks on the press; "look" does nothing
        const mesh = e.eventObject as Mesh;
        mesh.setPointerCapture(e.pointerId);
        h.captured = { mesh, pointerId: e.pointerId };
      },
      onPointerUp: (e) => {
        const hand = rayHandOf(e);
        if (hand && hands[hand].board === board) end(hands[hand]);
      },
      onPointerCancel: (e) => {
        const hand = rayHandOf(e);
        if (hand && hands[hand].board === board) end(hands[hand]);
      },
      onPointerLeave: (e) => {
        const hand = rayHandOf(e);
        if (hand && hands[hand].over === board) hands[hand].over = null;
      },
    });
    return (board: string) => made.get(board) ?? (made.set(board, make(board)), made.get(board)!);
  }, [client, anchors, hands]);
  return handlers;
}
