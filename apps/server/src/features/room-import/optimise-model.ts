import type { Document } from "@gltf-transform/core";
import { dedup, flatten, join, meshopt, prune, simplify, textureCompress, weld } from "@gltf-transform/functions";
import { QUEST_BUDGET } from "@otc/contract";
import { MeshoptEncoder, MeshoptSimplifier } from "meshoptimizer";
import sharp from "sharp";
import { inspectDocument } from "./inspect-model.js";

const MODEL_DECODERS = new Set(["KHR_draco_mesh_compression", "EXT_meshopt_compression"]);

/**
 * Rewrites `doc` in place to fit the Quest budget where it can, and says what it did:
 * merge duplicate materials and meshes, bake the hierarchy and join what shares a material (draw
 * calls), simplify with meshoptimizer when over the triangle budget (aiming at 90% of it), shrink
 * textures to the largest allowed edge (and halve them again while over the memory budget), then
 * compress geometry with EXT_meshopt_compression (the client's decoder is bundled, not fetched).
 */
export async function optimiseDocument(doc: Document): Promise<string[]> {
  const notes: string[] = [];
  const before = inspectDocument(doc);
  for (const ext of doc.getRoot().listExtensionsUsed()) if (MODEL_DECODERS.has(ext.extensionName)) ext.dispose(); // re-encoded below
  await doc.transform(dedup(), flatten(), join({ keepNamed: false }), weld(), prune());
  let now = inspectDocument(doc);
  const solid = before.textures.length - now.textures.length;
  if (solid > 0) notes.push(`Replaced ${solid} single-colour or unused texture${solid > 1 ? "s" : ""} with plain colours.`);
  if (now.drawCalls < before.drawCalls) notes.push(`Joined meshes that share a material: ${before.drawCalls} → ${now.drawCalls} draw calls.`);
  if (now.triangles > QUEST_BUDGET.triangles) {
    await MeshoptSimplifier.ready;
    const from = now.triangles;
    for (const error of [0.01, 0.05, 0.2]) {
      const ratio = (0.9 * QUEST_BUDGET.triangles) / now.triangles;
      await doc.transform(simplify({ simplifier: MeshoptSimplifier, ratio, error }));
      now = inspectDocument(doc);
      if (now.triangles <= QUEST_BUDGET.triangles) break;
    }
    notes.push(`Simplified the geometry: ${from.toLocaleString("en")} → ${now.triangles.toLocaleString("en")} triangles.`);
  }
  let edge = QUEST_BUDGET.textureSize;
  const largest = () => Math.max(0, ...inspectDocument(doc).textures.map((t) => Math.max(t.width, t.height)));
  const startEdge = largest();
  if (startEdge > edge) await doc.transform(textureCompress({ encoder: sharp, resize: [edge, edge] }));
  while (inspectDocument(doc).textureMemoryBytes > QUEST_BUDGET.textureMemoryBytes && edge > 256) {
    edge /= 2;
    await doc.transform(textureCompress({ encoder: sharp, resize: [edge, edge] }));
  }
  if (largest() < startEdge) notes.push(`Resized textures: largest edge ${startEdge} → ${largest()} px.`);
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: "medium" }));
  notes.push("Compressed the geometry (meshopt).");
  now = inspectDocument(doc);
  if (!now.checks.every((c) => c.ok)) notes.push("Still over budget after optimising: reduce the model in a 3D editor (fewer objects, smaller textures).");
  return notes;
}
