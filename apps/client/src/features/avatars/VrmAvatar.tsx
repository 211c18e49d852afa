import { useFrame } from "@react-three/fiber";
import { useEffect, useRef, useState } from "react";
import { Group, Quaternion, Vector3, type Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { loadAvatarModel } from "./load-avatar-model.js";

const X_NEG = new Vector3(-1, 0, 0);
const X_POS = new Vector3(1, 0, 0);
const d = new Vector3();
const inv = new Quaternion();
const qa = new Quaternion();

/** Points a normalised (T-pose) arm bone, whose rest direction is `rest`, along a world direction. */
function aim(bone: Object3D | null | undefined, rest: Vector3, from: readonly number[], to: readonly number[], parentWorld: Quaternion): void {
  if (!bone) return;
  d.set(to[0]! - from[0]!, to[1]! - from[1]!, to[2]! - from[2]!).normalize().applyQuaternion(inv.copy(parentWorld).invert());
  bone.quaternion.setFromUnitVectors(rest, d);
}

/**
 * One participant's uploaded VRM (or humanoid GLB), loaded lazily; the default avatar stands in
 * until it arrives (and if it fails). Placed each frame from the same pose, body yaw and arm IK as
 * the default avatar.
 */
export function VrmAvatar({ id, url }: { id: string; url: string }) {
  const { avatars, endpoint } = useSession();
  const [model, setModel] = useState<{ root: Group; vrm: VRM | null; eyeHeight: number } | null>(null);
  const root = useRef<Group>(null);

  useEffect(() => {
    let alive = true;
    const view = avatars.views.get(id);
    if (view) view.model = "loading";
    const started = performance.now();
    loadAvatarModel(new URL(url, endpoint).href).then(
      (m) => {
        if (!alive) return;
        avatars.modelLoads.push({ url, ms: performance.now() - started });
        setModel(m);
      },
      () => {
        const v = avatars.views.get(id);
        if (alive && v) v.model = "default"; // a broken model: keep the default avatar
      },
    );
    return () => {
      alive = false;
      const v = avatars.views.get(id);
      if (v) v.model = "default";
    };
  }, [avatars, endpoint, id, url]);

  useFrame((_, dt) => {
    const view = avatars.views.get(id);
    const group = root.current;
    if (!model || !view || !group) return;
    view.model = "model";
    group.visible = view.visible;
    group.position.set(view.head[0], view.head[1] - model.eyeHeight, view.head[2]);
    group.rotation.set(0, view.bodyYaw + Math.PI, 0); // models face +z
    group.updateMatrixWorld();
    const h = model.vrm?.humanoid;
    if (h) {
      const rootQ = group.getWorldQuaternion(qa);
      for (const [side, rest] of [["right", X_NEG], ["left", X_POS]] as const) {
        const [s, e, w] = view.arms[side];
        const upper = h.getNormalizedBoneNode(`${side}UpperArm`);
        const lower = h.getNormalizedBoneNode(`${side}LowerArm`);
        const parentQ = upper?.parent ? upper.parent.getWorldQuaternion(new Quaternion()) : rootQ;
        aim(upper, rest, s, e, parentQ);
        upper?.updateMatrixWorld();
        if (upper) aim(lower, rest, e, w, upper.getWorldQuaternion(new Quaternion()));
      }
      model.vrm!.update(dt);
    }
  }, FrameOrder.interpolate);

  return model ? <primitive ref={root} object={model.root} /> : null;
}
