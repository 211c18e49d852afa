import { Matrix4, Quaternion, Vector3, type Object3D } from "three";
import type { Pose } from "@otc/presence";

const local = new Matrix4();
const world = new Matrix4();
const p = new Vector3();
const q = new Quaternion();
const s = new Vector3();

/** World pose of an XR pose given relative to the origin reference space (the XROrigin group). */
export function worldPoseOf(transform: XRRigidTransform, origin: Object3D): Pose {
  local.fromArray(transform.matrix);
  world.multiplyMatrices(origin.matrixWorld, local);
  world.decompose(p, q, s);
  return { p: [p.x, p.y, p.z], q: [q.x, q.y, q.z, q.w] };
}

/** Rotates the origin about a vertical axis through the head, so a snap turn leaves the head in place. */
export function turnOriginAboutHead(origin: Object3D, headX: number, headZ: number, deltaYaw: number): void {
  const dx = origin.position.x - headX;
  const dz = origin.position.z - headZ;
  const c = Math.cos(deltaYaw);
  const sn = Math.sin(deltaYaw);
  origin.position.x = headX + dx * c + dz * sn;
  origin.position.z = headZ - dx * sn + dz * c;
  origin.rotation.y += deltaYaw;
  origin.updateMatrixWorld();
}
