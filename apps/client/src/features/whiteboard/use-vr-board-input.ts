import { useFrame } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { useMemo } from "react";
import { Mesh, MeshBasicMaterial, Quaternion, Raycaster, SphereGeometry, Vector3 } from "three";
import type { PanelAnchor } from "@otc/contract";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { worldPoseOf } from "../locomotion/vr-pose.js";
import { isPressed } from "../xr/pressed.js";
import { startGesture, type BoardGesture } from "./board-gestures.js";
import type { BoardsClient } from "./boards-client.js";
import { boardPointOf } from "./Whiteboard.js";

const REACH = 4; // metres: a board further than this along the ray is not drawn on

interface HandState {
  gesture: BoardGesture | null;
  board: string;
  wasPressed: boolean;
  cursor: Mesh;
}

function cursor(): Mesh {
  const m = new Mesh(new SphereGeometry(0.012, 12, 8), new MeshBasicMaterial({ color: "#ff5722", depthTest: false }));
  m.visible = false;
  m.renderOrder = 2;
  return m;
}

/**
 * VR drawing: each controller's target ray is cast at the boards every frame; where it meets one a
 * dot shows, and holding the trigger draws (release lifts the pen). A hand on a board is marked in
 * `rig.handsOnBoard`, so the same trigger does not also aim a teleport. Returns the cursor dots.
 */
export function useVrBoardInput(client: BoardsClient, anchors: readonly PanelAnchor[], meshes: Map<string, Mesh>): Mesh[] {
  const { rig, xr } = useSession();
  const session = useXR((s) => s.session);
  const hands = useMemo<Record<"left" | "right", HandState>>(
    () => ({ left: { gesture: null, board: "", wasPressed: false, cursor: cursor() }, right: { gesture: null, board: "", wasPressed: false, cursor: cursor() } }),
    [],
  );
  const tools = useMemo(() => ({ raycaster: new Raycaster(), dir: new Vector3(), q: new Quaternion(), p: new Vector3() }), []);
  const byId = useMemo(() => new Map(anchors.map((a) => [a.id, a])), [anchors]);

  useFrame((_, __, frame: XRFrame | undefined) => {
    const space = xr.store.getState().originReferenceSpace;
    const origin = rig.origin;
    const now = performance.now();
    for (const hand of ["left", "right"] as const) {
      hands[hand].cursor.visible = false;
      if (!hands[hand].gesture) rig.handsOnBoard[hand] = false;
    }
    if (!session || !frame || !space || !origin) {
      for (const h of Object.values(hands)) (h.gesture?.end(now), (h.gesture = null));
      return;
    }
    for (const source of session.inputSources) {
      if (source.handedness !== "left" && source.handedness !== "right") continue;
      const h = hands[source.handedness];
      if (rig.handsOnUi[source.handedness] && !h.gesture) {
        h.wasPressed = isPressed(session, source); // a press on the menu never starts a stroke
        continue;
      }
      const pose = frame.getPose(source.targetRaySpace, space);
      if (!pose) continue;
      const ray = worldPoseOf(pose.transform, origin);
      const { raycaster, dir, q, p } = tools;
      raycaster.set(p.set(...ray.p), dir.set(0, 0, -1).applyQuaternion(q.set(...ray.q)));
      raycaster.far = REACH;
      const targets = [...meshes.entries()].filter(([id]) => (!h.gesture || id === h.board) && !client.covered.has(id));
      const found = raycaster.intersectObjects(targets.map(([, m]) => m), false)[0];
      const entry = found && targets.find(([, m]) => m === found.object);
      const pressed = isPressed(session, source); // trigger or pinch
      const point = entry ? boardPointOf(entry[1], byId.get(entry[0])!, found.point) : null;
      if (entry) {
        h.cursor.position.copy(found.point);
        h.cursor.visible = true;
        rig.handsOnBoard[source.handedness] = true;
      }
      if (h.gesture) {
        if (!pressed) {
          h.gesture.end(now);
          h.gesture = null;
        } else if (point) h.gesture.move(point[0], point[1], now);
      } else if (entry && point && pressed && !h.wasPressed) {
        h.board = entry[0];
        h.gesture = startGesture(client, entry[0], point[0], point[1], now);
        if (h.gesture) rig.handsOnBoard[source.handedness] = true;
      }
      h.wasPressed = pressed;
    }
  }, FrameOrder.boardInput);

  return [hands.left.cursor, hands.right.cursor];
}
