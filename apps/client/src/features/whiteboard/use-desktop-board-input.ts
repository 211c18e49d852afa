import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { Raycaster, Vector2, type Mesh } from "three";
import type { PanelAnchor } from "@otc/contract";
import { startGesture, type BoardGesture } from "./board-gestures.js";
import type { BoardsClient } from "./boards-client.js";
import { withinBoardReach } from "./board-reach.js";
import { boardPointOf } from "./Whiteboard.js";
import { matches } from "../a11y/shortcuts.js";

/**
 * Desktop mouse on the boards. Listens on the window in the capture phase so that a press on a
 * board within reach (with a drawing tool) never reaches mouse-look or click-to-walk: the board
 * takes it, raycasting from the camera itself. Elsewhere, on a board out of reach (a drag there
 * means looking around), and with the "look" tool, nothing changes.
 */
export function useDesktopBoardInput(client: BoardsClient, anchors: readonly PanelAnchor[], meshes: Map<string, Mesh>): void {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    const element = gl.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const byId = new Map(anchors.map((a) => [a.id, a]));
    let gesture: BoardGesture | null = null;
    let gestureBoard = "";

    const hit = (e: PointerEvent, only?: string) => {
      const rect = element.getBoundingClientRect();
      ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const targets = [...meshes.entries()].filter(([id]) => (!only || id === only) && !client.covered.has(id));
      const found = raycaster.intersectObjects(targets.map(([, m]) => m), false)[0];
      const entry = found && targets.find(([, m]) => m === found.object);
      if (!found || !entry) return null;
      const [id, mesh] = entry;
      // The ray starts at the camera, so the hit distance is the distance from the head.
      return { id, point: boardPointOf(mesh, byId.get(id)!, found.point), near: withinBoardReach(found.distance) };
    };
    const onDown = (e: PointerEvent) => {
      if (e.target !== element || e.button !== 0 || gl.xr.isPresenting || document.pointerLockElement) return;
      if (client.tools.getState().tool === "look") return;
      const h = hit(e);
      if (!h || !h.near) return;
      e.stopPropagation();
      e.preventDefault();
      gesture?.end(performance.now());
      gesture = startGesture(client, h.id, h.point[0], h.point[1], performance.now());
      gestureBoard = h.id;
      element.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      if (!gesture) return;
      e.stopPropagation();
      const h = hit(e, gestureBoard);
      if (h) gesture.move(h.point[0], h.point[1], performance.now());
    };
    const onUp = (e: PointerEvent) => {
      if (!gesture) return;
      e.stopPropagation();
      gesture.end(performance.now());
      gesture = null;
      if (element.hasPointerCapture(e.pointerId)) element.releasePointerCapture(e.pointerId);
    };
    // A click after drawing must not walk to the floor behind the board.
    const onClick = (e: MouseEvent) => {
      if (e.target === element && client.tools.getState().tool !== "look" && hit(e as PointerEvent)?.near) e.stopPropagation();
    };
    window.addEventListener("pointerdown", onDown, true);
    window.addEventListener("pointermove", onMove, true);
    window.addEventListener("pointerup", onUp, true);
    window.addEventListener("pointercancel", onUp, true);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("pointerdown", onDown, true);
      window.removeEventListener("pointermove", onMove, true);
      window.removeEventListener("pointerup", onUp, true);
      window.removeEventListener("pointercancel", onUp, true);
      window.removeEventListener("click", onClick, true);
    };
  }, [gl, camera, client, anchors, meshes]);
}

/** Ctrl+Z undoes one's own last step on the active board; Ctrl+Shift+Z or Ctrl+Y redoes. */
export function useBoardShortcuts(client: BoardsClient): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
      const board = client.tools.getState().activeBoard;
      if (matches(e, "undo")) client.send(board, { t: "undo" });
      else if (matches(e, "redo")) client.send(board, { t: "redo" });
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [client]);
}
