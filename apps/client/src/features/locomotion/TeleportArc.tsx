import { useFrame } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { useMemo } from "react";
import { BufferAttribute, BufferGeometry, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, Quaternion, RingGeometry, Vector3 } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { teleportTo } from "./teleport.js";
import { DEFAULT_ARC, teleportArc, type Vec3 } from "./teleport-arc.js";
import { worldPoseOf } from "./vr-pose.js";
import { canLandAt, type Rect } from "@otc/rooms";
import type { Walkable } from "./walkable.js";
import { isPressed } from "../xr/pressed.js";

const VALID = 0x4fd1ff;
const INVALID = 0xff5a5a;

function inside(p: Vec3, w: Walkable, obstacles: readonly Rect[]): boolean {
  return canLandAt(p[0], p[2], w, obstacles);
}

function makeVisual() {
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new BufferAttribute(new Float32Array((DEFAULT_ARC.segments + 1) * 3), 3));
  const line = new Line(geometry, new LineBasicMaterial({ color: VALID }));
  const marker = new Mesh(new RingGeometry(0.18, 0.25, 32).rotateX(-Math.PI / 2), new MeshBasicMaterial({ color: VALID }));
  line.visible = marker.visible = false;
  line.frustumCulled = false;
  return { line, marker, aiming: false, landing: null as Vec3 | null };
}

/**
 * VR teleport (the default locomotion; off when the comfort settings choose smooth): hold a
 * controller's trigger to show an arc onto the floor, release to go there.
 * Landing outside the walkable area shows red and does nothing. Our own arc rather than the
 * library's teleport pointer, whose smoothing overshoots below 10 fps.
 */
export function TeleportArc() {
  const { rig, layout, xr, comfort } = useSession();
  const session = useXR((s) => s.session);
  const hands = useMemo(() => ({ left: makeVisual(), right: makeVisual() }), []);
  const dir = useMemo(() => new Vector3(), []);
  const aim = useMemo(() => new Quaternion(), []);

  useFrame((_, __, frame: XRFrame | undefined) => {
    const space = xr.store.getState().originReferenceSpace;
    const origin = rig.origin;
    for (const h of [hands.left, hands.right]) h.line.visible = h.marker.visible = false;
    if (!session || !frame || !space || !origin) return;
    if (comfort.getState().locomotion !== "teleport") {
      hands.left.aiming = hands.right.aiming = false; // smooth locomotion walks with the left stick instead
      return;
    }
    for (const source of session.inputSources) {
      if (source.handedness !== "left" && source.handedness !== "right") continue;
      const h = hands[source.handedness];
      if (rig.handsOnBoard[source.handedness] || rig.handsOnUi[source.handedness]) {
        h.aiming = false; // this trigger draws on a whiteboard or presses a menu button
        continue;
      }
      const pressed = isPressed(session, source); // trigger or pinch
      if (!pressed) {
        if (h.aiming && h.landing && inside(h.landing, layout.walkable, rig.obstacles)) {
          teleportTo(rig, new Vector3(...h.landing), layout.walkable);
        }
        h.aiming = false;
        continue;
      }
      const pose = frame.getPose(source.targetRaySpace, space);
      if (!pose) continue;
      const ray = worldPoseOf(pose.transform, origin);
      dir.set(0, 0, -1).applyQuaternion(aim.set(ray.q[0], ray.q[1], ray.q[2], ray.q[3]));
      const arc = teleportArc(ray.p, [dir.x, dir.y, dir.z]);
      h.aiming = true;
      h.landing = arc.landing;
      const positions = h.line.geometry.getAttribute("position") as BufferAttribute;
      arc.points.forEach((p, i) => positions.setXYZ(i, p[0], p[1], p[2]));
      positions.needsUpdate = true;
      const ok = arc.landing !== null && inside(arc.landing, layout.walkable, rig.obstacles);
      (h.line.material as LineBasicMaterial).color.setHex(ok ? VALID : INVALID);
      (h.marker.material as MeshBasicMaterial).color.setHex(ok ? VALID : INVALID);
      h.line.visible = true;
      if (arc.landing) {
        h.marker.position.set(arc.landing[0], 0.01, arc.landing[2]);
        h.marker.visible = true;
      }
    }
  }, FrameOrder.input);

  return (
    <>
      <primitive object={hands.left.line} />
      <primitive object={hands.left.marker} />
      <primitive object={hands.right.line} />
      <primitive object={hands.right.marker} />
    </>
  );
}
