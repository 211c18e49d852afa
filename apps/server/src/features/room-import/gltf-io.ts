import { NodeIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS } from "@gltf-transform/extensions";
import draco3d from "draco3dgltf";
import { MeshoptDecoder, MeshoptEncoder } from "meshoptimizer";

let io: Promise<NodeIO> | undefined;

/**
 * One glTF reader/writer for the process, with every Khronos/EXT extension and the decoders an
 * upload may need (Draco, meshopt) — all from npm packages, nothing fetched at run time.
 */
export function gltfIo(): Promise<NodeIO> {
  return (io ??= (async () => {
    await MeshoptDecoder.ready;
    await MeshoptEncoder.ready;
    return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
      "draco3d.decoder": await draco3d.createDecoderModule(),
      "meshopt.decoder": MeshoptDecoder,
      "meshopt.encoder": MeshoptEncoder,
    });
  })());
}

/** Why `bytes` is not a binary glTF 2.0 file, judged by its header (not its name); null when it is one. */
export function glbHeaderProblem(bytes: Uint8Array): string | null {
  if (bytes.byteLength < 20) return "The file is too short to be a GLB model.";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x46546c67) return "This is not a GLB model (binary glTF): its first bytes are not \"glTF\". Export your model as .glb.";
  if (view.getUint32(4, true) !== 2) return `This GLB is glTF version ${view.getUint32(4, true)}; only glTF 2.0 is supported.`;
  if (view.getUint32(8, true) !== bytes.byteLength) return "This GLB is truncated or padded: its header length does not match the file. Upload the whole file again.";
  return null;
}
