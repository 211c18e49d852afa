import { Box3, Group, Vector3 } from "three";
import type { VRM } from "@pixiv/three-vrm";

/**
 * Fetches and parses an uploaded avatar model: VRM through @pixiv/three-vrm, any other humanoid GLB
 * as a plain glTF scene. Both libraries load on first use, so people who never see an uploaded
 * avatar never download them. Returns the root and the eye height (metres above the feet).
 */
export async function loadAvatarModel(url: string): Promise<{ root: Group; vrm: VRM | null; eyeHeight: number }> {
  const [{ GLTFLoader }, { VRMLoaderPlugin, VRMUtils }] = await Promise.all([import("three/examples/jsm/loaders/GLTFLoader.js"), import("@pixiv/three-vrm")]);
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMLoaderPlugin(parser));
  const gltf = await loader.loadAsync(url);
  const vrm = (gltf.userData.vrm as VRM | undefined) ?? null;
  const root = new Group();
  root.name = "avatar-model";
  if (vrm) {
    VRMUtils.removeUnnecessaryVertices(gltf.scene);
    VRMUtils.combineSkeletons(gltf.scene);
    if (vrm.meta.metaVersion === "0") VRMUtils.rotateVRM0(vrm);
    root.add(vrm.scene);
  } else root.add(gltf.scene);
  root.updateMatrixWorld(true);
  root.traverse((o) => {
    o.frustumCulled = false;
    o.castShadow = true;
  });
  const headBone = vrm?.humanoid.getNormalizedBoneNode("head");
  const eyeHeight = headBone ? headBone.getWorldPosition(new Vector3()).y + 0.06 : new Box3().setFromObject(root).max.y - 0.1;
  return { root, vrm, eyeHeight };
}
