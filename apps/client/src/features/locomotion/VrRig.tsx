import { useFrame } from "@react-three/fiber";
import { XROrigin, useXR } from "@react-three/xr";
import { useEffect, useRef } from "react";
import type { Group } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { resolveWalk } from "@otc/rooms";
import { SMOOTH_TURN_DEG_PER_S } from "../comfort/comfort-settings.js";
import { EYE_HEIGHT } from "./local-rig.js";
import { smoothMove, smoothTurn, snapTurn } from "./stick-motion.js";
import { turnOriginAboutHead, worldPoseOf } from "./vr-pose.js";
import { clampToWalkable, yawOf } from "./walkable.js";

/**
 * Longest frame a stick move or smooth turn covers, s. Below 4 frames a second (a starved page) the
 * walk slows rather than jumping up to 1.5 m a frame: such a jump overshot a short walk into the
 * furniture, where the rest of the step was lost against it (the hand-menu test's speed read 0.7-0.9
 * of the set speed at load 40); a paused page does not jump either.
 */
const MAX_STEP_S = 0.25;
const BODY_RADIUS = 0.25; // metres kept from furniture when walking with the stick (as on the desktop)

/**
 * The player in VR: the XR origin (feet) placed where the desktop view stood, turning on the right
 * thumbstick (snap by the chosen angle, or smooth), walking on the left thumbstick when the comfort
 * settings choose smooth locomotion, and each frame the head and grip poses resolved to world space
 * for presence. Teleporting (TeleportArc) moves this origin through `teleportTo`.
 */
export function VrRig() {
  const { rig, layout, xr, comfort } = useSession();
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

  useFrame((_, delta) => {
    const origin = originRef.current;
    rig.smoothMotion = false;
    if (!session || !origin) return;
    const settings = comfort.getState(); // discrete choices, read (not subscribed) in the frame loop
    const dt = Math.min(delta, MAX_STEP_S);
    let left: XRInputSource | undefined;
    let right: XRInputSource | undefined;
    for (const s of session.inputSources) {
      if (s.handedness === "left" && s.gamepad) left = s;
      if (s.handedness === "right" && s.gamepad) right = s;
    }
    const x = right?.gamepad?.axes[2] ?? 0; // xr-standard: axes 2, 3 are the thumbstick
    let turn = 0;
    if (settings.turn === "smooth") turn = smoothTurn(x, SMOOTH_TURN_DEG_PER_S, dt);
    else {
      const snap = snapTurn(x, armed.current, settings.turn);
      armed.current = snap.armed;
      turn = snap.delta;
    }
    if (rig.recentre) {
      turn += rig.homeYaw - yawOf(rig.head.q); // reset orientation: face the room's front again
      rig.recentre = false;
    }
    if (turn !== 0) turnOriginAboutHead(origin, rig.head.p[0], rig.head.p[2], turn);
    let moved = false;
    if (settings.locomotion === "smooth") {
      const [dx, dz] = smoothMove(left?.gamepad?.axes[2] ?? 0, left?.gamepad?.axes[3] ?? 0, yawOf(rig.head.q), settings.speed, dt);
      if (dx !== 0 || dz !== 0) {
        const [hx, , hz] = rig.head.p;
        const [tx, tz] = resolveWalk(hx + dx, hz + dz, BODY_RADIUS, layout.walkable, rig.obstacles);
        origin.position.x += tx - hx;
        origin.position.z += tz - hz;
        origin.updateMatrixWorld();
        rig.head = { p: [tx, rig.head.p[1], tz], q: rig.head.q };
        rig.walkSeconds += dt;
        moved = true;
      }
    }
    rig.smoothMotion = moved || (settings.turn === "smooth" && turn !== 0);
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
