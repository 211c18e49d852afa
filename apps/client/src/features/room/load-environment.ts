import type { RoomEnvironment } from "@otc/contract";
import { Group, Mesh, type Object3D } from "three";
import { WordedError } from "../i18n/wording.js";
import { fetchBytes } from "./fetch-bytes.js";

/** Parts of an imported room that must not throw shadows: they would darken the whole room (the sun stands outside it). */
const NO_SHADOW = /floor|ground|ceiling|roof|wall/i;

function namedLike(object: Object3D, pattern: RegExp): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (pattern.test(o.name)) return true;
  return false;
}

/**
 * Loads an imported room model from our own server (`/assets/imported/<id>.glb`), with progress
 * (0..1) as bytes arrive, decodes it (meshopt-compressed copies included; the decoder's wasm is
 * embedded, nothing is fetched elsewhere) and returns it moved by `environment.offset`.
 */
export async function loadEnvironment(endpoint: string, environment: RoomEnvironment, onProgress: (fraction: number) => void): Promise<Group> {
  const bytes = await fetchBytes(`${endpoint}/assets/${environment.model}`, { key: "room.model" }, onProgress);
  const [{ GLTFLoader }, { MeshoptDecoder }] = await Promise.all([
    import("three/examples/jsm/loaders/GLTFLoader.js"),
    import("three/examples/jsm/libs/meshopt_decoder.module.js"),
  ]);
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const gltf = await loader.parseAsync(buffer, "").catch((e: unknown) => {
    throw new WordedError({ key: "room.modelUnreadable", params: { detail: e instanceof Error ? e.message : String(e) } });
  });
  const root = new Group();
  root.name = "environment";
  root.position.set(...environment.offset);
  root.add(gltf.scene);
  root.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    o.receiveShadow = true;
    o.castShadow = !namedLike(o, NO_SHADOW);
  });
  return root;
}

/** How many meshes an environment draws (for the test hooks). */
export function meshCount(root: Object3D | null): number {
  let n = 0;
  root?.traverse((o) => {
    if (o instanceof Mesh) n++;
  });
  return n;
}
