import { useFrame } from "@react-three/fiber";
import { XROrigin, useXR } from "@react-three/xr";
import { useEffect, useRef } from "react";
import type { Group } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { EYE_HEIGHT } from "./local-rig.js";
import { turnOriginAboutHead, worldPoseOf } from "./vr-pose.js";
import { clampToWalkable, yawOf } from "./walkable.js";

const SNAP_DEGREES = 30;
const SNAP_PUSH = 0.6; // thumbstick deflection that triggers a turn
const SNAP_RELEASE = 0.3; // deflection under which the next turn is armed

/**
 * The player in VR: the XR origin (feet) placed where the desktop view stood, snap turn on the
 * right thumbstick, and each frame the head and grip poses resolved to world space for presence.
 * Teleporting (TeleportArc) moves this origin through `teleportTo`.
 */
export function VrRig() {
  const { rig, layout, xr } = useSession();
  const originRef = useRef<Group>(null);
  const session = useXR((s) => s.session);
  const armed = useRef(true);
  const lastHead = useRef(rig.head);

  useEffect(() => {
    const origin = originRef.current;
    rig.origin = origin;
    if (!session || !origin) return;
    // Entering VR: stand where the desktop camera stood, facing the same way.
    origin.position.set(rig.desktopHead.x, 0, rig.desktopHead.z);
    origin.rotation.set(0, rig.yaw, 0);
    origin.updateMatrixWorld();
    return () => {
      // Leaving VR: the desktop view continues from the last head pose.
      const head = lastHead.current;
      const [x, , z] = head.p;
      const [cx, cz] = clampToWalkable(x, z, layout.walkable);
      rig.desktopHead.set(cx, EYE_HEIGHT + rig.floorY, cz);
      rig.yaw = yawOf(head.q);
      rig.pitch = 0;
      rig.left = null;
      rig.right = null;
    };
    // the floor matters; a new brand (a new layout object) must not re-place the origin
  }, [session, rig, layout.walkable]);

  useFrame(() => {
    const origin = originRef.current;
    if (!session || !origin) return;
    const right = Array.from(session.inputSources).find((s) => s.handedness === "right" && s.gamepad);
    const x = right?.gamepad?.axes[2] ?? 0;
    if (Math.abs(x) < SNAP_RELEASE) armed.current = true;
    else if (armed.current && Math.abs(x) > SNAP_PUSH) {
      armed.current = false;
      const delta = ((x > 0 ? -1 : 1) * SNAP_DEGREES * Math.PI) / 180;
      turnOriginAboutHead(origin, rig.head.p[0], rig.head.p[2], delta);
    }
  }, FrameOrder.input);

  useFrame((_, dt, frame: XRFrame | undefined) => {
    const origin = originRef.current;
    const space = xr.store.getState().originReferenceSpace;
    if (!session || !origin || !frame || !space) return;
    origin.position.y = rig.heightOffset + rig.followFloor(rig.head.p[0], rig.head.p[2], Math.min(dt, 0.1));
    origin.updateMatrixWorld();
    const viewer = frame.getViewerPose(space);
    if (viewer) {
      const head = worldPoseOf(viewer.transform, origin);
      // Walking out of the room in real life: slide the origin back so the head stays inside.
      const [cx, cz] = clampToWalkable(head.p[0], head.p[2], layout.walkable);
      if (cx !== head.p[0] || cz !== head.p[2]) {
        origin.position.x += cx - head.p[0];
        origin.position.z += cz - head.p[2];
        origin.updateMatrixWorld();
        head.p[0] = cx;
        head.p[2] = cz;
      }
      rig.head = head;
      lastHead.current = head;
    }
    rig.left = null;
    rig.right = null;
    for (const source of session.inputSources) {
      if (!source.gripSpace || (source.handedness !== "left" && source.handedness !== "right")) continue;
      const grip = frame.getPose(source.gripSpace, space);
      if (grip) rig[source.handedness] = worldPoseOf(grip.transform, origin);
    }
  }, FrameOrder.localAvatar);

  return <XROrigin ref={originRef} />;
}
