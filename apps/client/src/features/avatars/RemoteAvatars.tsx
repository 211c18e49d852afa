import { useFrame } from "@react-three/fiber";
import { useEffect, useLayoutEffect, useMemo } from "react";
import { Frustum, Matrix4, Vector3, type Camera } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { AvatarSystem } from "./avatar-system.js";
import { ModelAvatars } from "./ModelAvatars.js";

const viewer = new Vector3();
const frustum = new Frustum();
const eyeFromWorld = new Matrix4();
const clipFromWorld = new Matrix4();

/** What the eye sees this frame, or null (draw everyone) while its projection is not a perspective yet (an XR camera before its first frame). */
function frustumOf(eye: Camera): Frustum | null {
  if (eye.projectionMatrix.elements[11] !== -1) return null;
  eyeFromWorld.copy(eye.matrixWorld).invert(); // matrixWorldInverse is only refreshed when the frame renders
  return frustum.setFromProjectionMatrix(clipFromWorld.multiplyMatrices(eye.projectionMatrix, eyeFromWorld));
}

/**
 * Everyone in the session except the local person: default avatars through one instanced crowd and
 * one batched tag system (a constant number of draw calls), uploaded models lazily on top.
 */
export function RemoteAvatars() {
  const { room, selfId, presence, avatars } = useSession();
  const system = useMemo(() => new AvatarSystem(room.state, selfId, presence, avatars), [room, selfId, presence, avatars]);
  useEffect(() => () => system.dispose(), [system]);
  const t = useT();
  useLayoutEffect(() => system.setTranslator(t), [system, t]); // before the first frame lays out a tag

  useFrame(({ camera, gl }) => {
    const eye = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eye.getWorldPosition(viewer); // also brings eye.matrixWorld up to date
    system.update(viewer, frustumOf(eye), performance.now());
  }, FrameOrder.interpolate);

  return (
    <>
      <primitive object={system.crowd.group} />
      <primitive object={system.tags.mesh} />
      <ModelAvatars />
    </>
  );
}
