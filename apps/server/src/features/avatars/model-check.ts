import { z } from "zod";
import { looksHumanoid } from "./humanoid-names.js";

export type ModelVerdict = { ok: true; kind: "vrm" | "glb" } | { ok: false; reason: string };

const GLTF_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a; // "JSON"

const gltfJson = z.object({
  asset: z.object({ version: z.string() }),
  extensionsUsed: z.array(z.string()).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
  nodes: z.array(z.object({ name: z.string().optional() })).optional(),
  skins: z.array(z.object({ joints: z.array(z.number().int().nonnegative()) })).optional(),
});


/**
 * Checks an uploaded avatar model by its content, never its name: a binary glTF 2.0 (magic "glTF",
 * version 2, declared length = actual length, a JSON first chunk) that is either a VRM (VRM 0.x or
 * VRMC_vrm 1.0 extension) or a GLB with a skin whose joints name a humanoid (hips, head, both hands).
 */
export function checkAvatarModel(bytes: Uint8Array): ModelVerdict {
  if (bytes.byteLength < 20) return { ok: false, reason: "not a glTF binary file" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== GLTF_MAGIC) return { ok: false, reason: "not a glTF binary file" };
  if (view.getUint32(4, true) !== 2) return { ok: false, reason: "only glTF 2.0 is supported" };
  if (view.getUint32(8, true) !== bytes.byteLength) return { ok: false, reason: "the file is truncated or padded" };
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== CHUNK_JSON || 20 + jsonLength > bytes.byteLength) return { ok: false, reason: "the glTF JSON chunk is missing" };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(20, 20 + jsonLength)));
  } catch {
    return { ok: false, reason: "the glTF JSON chunk is not valid JSON" };
  }
  const parsed = gltfJson.safeParse(raw);
  if (!parsed.success || !parsed.data.asset.version.startsWith("2.")) return { ok: false, reason: "not a glTF 2.0 document" };
  const gltf = parsed.data;
  const used = new Set(gltf.extensionsUsed ?? []);
  const ext = gltf.extensions ?? {};
  if (used.has("VRMC_vrm") || used.has("VRM") || "VRMC_vrm" in ext || "VRM" in ext) return { ok: true, kind: "vrm" };
  const names = (gltf.skins ?? []).flatMap((s) => s.joints.map((j) => gltf.nodes?.[j]?.name ?? ""));
  if (looksHumanoid(names)) return { ok: true, kind: "glb" };
  return { ok: false, reason: "no VRM extension and no humanoid skeleton (hips, head, hands) in the model" };
}
