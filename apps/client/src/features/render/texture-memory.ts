import type { Material, Mesh, Object3D, Scene, Texture } from "three";

const SLOTS = ["map", "normalMap", "roughnessMap", "metalnessMap", "emissiveMap", "aoMap", "alphaMap", "lightMap", "bumpMap"] as const;

function edge(image: unknown, key: "width" | "height"): number {
  return typeof image === "object" && image !== null && key in image ? Number((image as Record<string, unknown>)[key]) || 0 : 0;
}

/**
 * GPU memory of the textures the scene's materials use, bytes: RGBA8 with a mip chain (a third more)
 * per distinct texture, plus the scene's environment map. An estimate for the budget benchmark, not a
 * driver reading (compressed textures count as uncompressed).
 */
export function textureBytesOf(scene: Scene | Object3D): number {
  const seen = new Set<Texture>();
  const add = (t: Texture | null | undefined) => {
    if (t) seen.add(t);
  };
  if ("environment" in scene) add((scene as Scene).environment);
  scene.traverse((o) => {
    const material = (o as Mesh).material as Material | Material[] | undefined;
    if (!material) return;
    for (const m of Array.isArray(material) ? material : [material]) for (const slot of SLOTS) add((m as unknown as Record<string, Texture | null | undefined>)[slot]);
  });
  let bytes = 0;
  for (const t of seen) {
    const image: unknown = t.image;
    const faces = Array.isArray(image) ? image : [image];
    for (const face of faces) bytes += edge(face, "width") * edge(face, "height") * 4 * (4 / 3);
  }
  return Math.round(bytes);
}
