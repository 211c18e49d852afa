import { getBounds, ImageUtils, Primitive, type Document, type Node } from "@gltf-transform/core";
import type { ModelReport } from "@otc/contract";
import { budgetChecks, textureMemoryBytes, type Rect } from "@otc/rooms";

const FLOOR_NAME = /floor|ground/i;
const WALL_NAME = /wall/i;
const MAX_NAMES = 200;

export type ModelFigures = Omit<ModelReport, "modelId" | "bytes" | "optimisedFrom" | "notes" | "clientReady">;

function trianglesOf(p: Primitive): number {
  const count = p.getIndices()?.getCount() ?? p.getAttribute("POSITION")?.getCount() ?? 0;
  switch (p.getMode()) {
    case Primitive.Mode.TRIANGLES:
      return Math.floor(count / 3);
    case Primitive.Mode.TRIANGLE_STRIP:
    case Primitive.Mode.TRIANGLE_FAN:
      return Math.max(0, count - 2);
    default:
      return 0; // points and lines cost little and are not drawn as surfaces
  }
}

const nameOf = (node: Node) => node.getName() || node.getMesh()?.getName() || "";
const round = (n: number) => Math.round(n * 1000) / 1000;
const rectOf = (node: Node): Rect => {
  const { min, max } = getBounds(node);
  return { minX: round(min[0]), maxX: round(max[0]), minZ: round(min[2]), maxZ: round(max[2]) };
};

/**
 * Figures of a glTF document as the renderer will meet them: triangles and draw calls per drawn
 * mesh instance (a mesh used by three nodes is drawn three times), materials, textures with their
 * decoded GPU memory, world bounds, and the floor and walls found by node or mesh name.
 */
export function inspectDocument(doc: Document): ModelFigures {
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  let triangles = 0;
  let drawCalls = 0;
  const meshNodes: Node[] = [];
  scene?.traverse((node) => {
    const mesh = node.getMesh();
    if (!mesh) return;
    meshNodes.push(node);
    for (const p of mesh.listPrimitives()) {
      triangles += trianglesOf(p);
      drawCalls += 1;
    }
  });
  const textures = root.listTextures().map((t) => {
    const image = t.getImage();
    const size = image ? ImageUtils.getSize(image, t.getMimeType()) : null;
    return { name: t.getName() || t.getURI() || "(unnamed)", width: size?.[0] ?? 0, height: size?.[1] ?? 0, mimeType: t.getMimeType(), bytes: image?.byteLength ?? 0 };
  });
  const memory = textures.reduce((sum, t) => sum + textureMemoryBytes(t.width, t.height), 0);
  const largest = textures.reduce((m, t) => Math.max(m, t.width, t.height), 0);
  const checks = budgetChecks({ triangles, drawCalls, textureSize: largest, textureMemoryBytes: memory });
  const bounds = scene ? getBounds(scene) : { min: [0, 0, 0], max: [0, 0, 0] };
  const floorNodes = meshNodes.filter((n) => FLOOR_NAME.test(nameOf(n)));
  const floorHeight = floorNodes.length ? Math.max(...floorNodes.map((n) => getBounds(n).max[1] ?? 0)) : (bounds.min[1] ?? 0);
  return {
    triangles,
    drawCalls,
    materials: root.listMaterials().length,
    textures,
    textureMemoryBytes: memory,
    bounds: { min: bounds.min.map(round) as [number, number, number], max: bounds.max.map(round) as [number, number, number] },
    meshNames: meshNodes.map(nameOf).filter(Boolean).slice(0, MAX_NAMES),
    floor: { height: round(floorHeight), meshes: floorNodes.map(nameOf), rects: floorNodes.map(rectOf) },
    walls: meshNodes.filter((n) => WALL_NAME.test(nameOf(n))).map(rectOf).slice(0, MAX_NAMES),
    checks,
    withinBudget: checks.every((c) => c.ok),
  };
}
