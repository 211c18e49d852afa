import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import type { Mesh } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { useReducedMotion } from "../a11y/use-reduced-motion.js";
import { EYE_HEIGHT } from "./local-rig.js";
import { attachMouseLook } from "./mouse-look.js";
import { resolveWalk } from "@otc/rooms";
import { stepToward, walkDelta } from "./walkable.js";

/** Half the width of a person, metres: how close the head may come to furniture and walls. */
const BODY_RADIUS = 0.25;

const WALK_SPEED = 1.6; // m/s
const CLICK_WALK_SPEED = 2.4; // m/s, under the server's 4 m/s limit so arrivals never jump
const KEY_TURN_SPEED = Math.PI / 2; // rad/s while Q or E is held

/**
 * Desktop locomotion: WASD/arrow keys walk and Q/E turn (held keys tracked by KeyboardWalk), drag (or pointer lock) looks, a click on the
 * floor walks there smoothly. With reduced motion, Q/E snap by 30° and a click on the floor jumps
 * there (no gliding view). The head stays inside the layout's walkable area at eye height.
 */
export function DesktopControls() {
  const { rig, layout } = useSession();
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const marker = useRef<Mesh>(null);
  const reduced = useReducedMotion();
  const reducedRef = useRef(reduced);
  reducedRef.current = reduced;

  useEffect(() => attachMouseLook(gl.domElement, rig, () => !gl.xr.isPresenting), [gl, rig]);

  useFrame((_, dt) => {
    if (gl.xr.isPresenting) return;
    const step = Math.min(dt, 0.1); // seconds; a stalled tab must not fling anyone through a wall
    const head = rig.desktopHead;
    const turn = rig.turnKeys;
    if (!reducedRef.current) rig.yaw += ((turn.left ? 1 : 0) - (turn.right ? 1 : 0)) * KEY_TURN_SPEED * step;
    if (rig.recentre) {
      rig.yaw = rig.homeYaw;
      rig.pitch = 0;
      rig.recentre = false;
    }
    const [dx, dz] = walkDelta(rig.moveKeys, rig.yaw, WALK_SPEED, step, rig.walkStick);
    if (dx !== 0 || dz !== 0) {
      rig.walkTarget = null;
      [head.x, head.z] = resolveWalk(head.x + dx, head.z + dz, BODY_RADIUS, layout.walkable, rig.obstacles);
    } else if (rig.walkTarget && reducedRef.current) {
      // Reduced motion: arrive at once, as a teleport (the pose message says so, the server allows the jump).
      [head.x, head.z] = resolveWalk(rig.walkTarget.x, rig.walkTarget.z, BODY_RADIUS, layout.walkable, rig.obstacles);
      rig.walkTarget = null;
      rig.teleported = true;
    } else if (rig.walkTarget) {
      const t = rig.walkTarget;
      const remaining = Math.hypot(t.x - head.x, t.z - head.z);
      const speed = Math.min(CLICK_WALK_SPEED, 0.4 + remaining * 2.5); // ease out on arrival
      const next = stepToward(head.x, head.z, t.x, t.z, speed * step);
      const [x, z] = resolveWalk(next.x, next.z, BODY_RADIUS, layout.walkable, rig.obstacles);
      const blocked = Math.hypot(x - next.x, z - next.z) > 1e-3 && Math.hypot(x - head.x, z - head.z) < 1e-3;
      head.x = x;
      head.z = z;
      if (next.arrived || blocked) rig.walkTarget = null; // a desk in the way ends the walk where it stands
    }
    head.y = EYE_HEIGHT + rig.followFloor(head.x, head.z, step);
    if (marker.current) {
      marker.current.visible = rig.walkTarget !== null;
      if (rig.walkTarget) marker.current.position.set(rig.walkTarget.x, 0.01, rig.walkTarget.z);
    }
  }, FrameOrder.input);

  useFrame(() => {
    if (gl.xr.isPresenting) return;
    camera.position.copy(rig.desktopHead);
    camera.rotation.set(rig.pitch, rig.yaw, 0, "YXZ");
    camera.updateMatrixWorld();
    const { position: p, quaternion: q } = camera;
    rig.head = { p: [p.x, p.y, p.z], q: [q.x, q.y, q.z, q.w] };
    rig.left = null;
    rig.right = null;
  }, FrameOrder.localAvatar);

  return (
    <mesh ref={marker} rotation-x={-Math.PI / 2} visible={false} renderOrder={1}>
      <ringGeometry args={[0.18, 0.24, 40]} />
      <meshBasicMaterial color="#ffffff" transparent opacity={0.85} depthWrite={false} />
    </mesh>
  );
}
