import { Logger } from "@gltf-transform/core";
import { gltfIo } from "./gltf-io.js";
import { inspectDocument, type ModelFigures } from "./inspect-model.js";
import { optimiseDocument } from "./optimise-model.js";

export type InspectResult = { ok: true; figures: ModelFigures; extensions: string[] } | { ok: false; error: string };

async function read(bytes: Uint8Array) {
  const doc = await (await gltfIo()).readBinary(bytes);
  return doc.setLogger(new Logger(Logger.Verbosity.WARN)); // not a line per transform in the server log
}

/** Parses a GLB in full and reports its figures and extensions (runs in the parse pool). */
export async function inspectModel(bytes: Uint8Array): Promise<InspectResult> {
  try {
    const doc = await read(bytes);
    return { ok: true, figures: inspectDocument(doc), extensions: doc.getRoot().listExtensionsUsed().map((e) => e.extensionName) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** An optimised copy of a GLB and what was done to it (runs in the parse pool; seconds of CPU). */
export async function optimiseModel(bytes: Uint8Array): Promise<{ bytes: Uint8Array; notes: string[] }> {
  const doc = await read(bytes);
  const notes = await optimiseDocument(doc);
  return { bytes: await (await gltfIo()).writeBinary(doc), notes };
}
