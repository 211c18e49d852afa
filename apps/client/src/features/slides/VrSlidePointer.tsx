import { useFrame, useThree } from "@react-three/fiber";
import { useMemo, useRef } from "react";
import { Quaternion, Raycaster, Vector3, type Object3D } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { worldPoseOf } from "../locomotion/vr-pose.js";
import { useSlidesClient } from "./slides-context.js";

/**
 * The presenter's laser in VR: where the right controller's ray meets a slide page, the laser dot goes
 * (the same `point` updates, at the same rate, as the desktop mouse over the screen). Off when the
 * Slides tab's laser is off, for someone who may not page, and while that ray is on the menu or a board.
 */
export function VrSlidePointer() {
  const slides = useSlidesClient();
  const { rig, xr } = useSession();
  const scene = useThree((s) => s.scene);
  const raycaster = useMemo(() => new Raycaster(), []);
  const at = useMemo(() => ({ p: new Vector3(), d: new Vector3(), q: new Quaternion() }), []);
  const pointing = useRef<string | null>(null);

  useFrame((_, __, frame: XRFrame | undefined) => {
    if (!slides) return;
    const release = () => {
      if (pointing.current) slides.point(pointing.current, null);
      pointing.current = null;
    };
    const { canPage, laser } = slides.ui.getState();
    const { session, originReferenceSpace: space } = xr.store.getState();
    const origin = rig.origin;
    if (!canPage || !laser || !session || !frame || !space || !origin || rig.handsOnUi.right || rig.handsOnBoard.right) return release();
    let right: XRInputSource | undefined;
    for (const s of session.inputSources) if (s.handedness === "right") right = s;
    const pose = right && frame.getPose(right.targetRaySpace, space);
    if (!pose) return release();
    const ray = worldPoseOf(pose.transform, origin);
    at.p.set(ray.p[0], ray.p[1], ray.p[2]);
    at.d.set(0, 0, -1).applyQuaternion(at.q.set(ray.q[0], ray.q[1], ray.q[2], ray.q[3]));
    raycaster.set(at.p, at.d);
    const pages: Object3D[] = [];
    for (const screen of slides.layout.screens) {
      const page = scene.getObjectByName(`slide-page:${screen.id}`);
      if (page) pages.push(page);
    }
    const hit = raycaster.intersectObjects(pages, false)[0];
    const screenId = hit?.object.name.slice("slide-page:".length);
    if (!hit?.uv || !screenId) return release();
    if (pointing.current && pointing.current !== screenId) slides.point(pointing.current, null);
    pointing.current = screenId;
    slides.point(screenId, [hit.uv.x, 1 - hit.uv.y]);
  }, FrameOrder.input);

  return null;
}
