import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { modelIdSchema, modelReportSchema, type ModelReport } from "@otc/contract";
import { PoolBusyError, type ParsePool } from "../../workers/parse-pool.js";
import { glbHeaderProblem } from "./gltf-io.js";

/** A refused model, with the HTTP status and a sentence for the facilitator. */
export class ModelError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CLIENT_UNREADY = new Map([
  ["KHR_draco_mesh_compression", "Draco-compressed meshes"],
  ["KHR_texture_basisu", "KTX2 (Basis) textures"],
]);

/** Content id of a GLB: the first 32 hex digits of its SHA-256. */
export const modelIdOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 32);

/**
 * Uploaded and optimised GLB models under `<dataDir>/imported/<id>.glb`, each with its budget report
 * beside it (`<id>.report.json`). Ids are content hashes, so a file never changes once written and
 * can be served with a long cache. Parsing and optimising run in the parse pool, off the event loop.
 */
export class ModelStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly pool: ParsePool,
  ) {
    this.dir = path.join(dataDir, "imported");
  }

  fileOf(id: string): string {
    return path.join(this.dir, `${modelIdSchema.parse(id)}.glb`);
  }

  /** Checks `bytes` by content (GLB header, then a full parse), reports it against the budget and keeps it. */
  async put(bytes: Uint8Array, extra: { notes?: string[]; optimisedFrom?: ModelReport } = {}): Promise<ModelReport> {
    const problem = glbHeaderProblem(bytes);
    if (problem) throw new ModelError(415, problem);
    const inspected = await this.pool.run("room-model-inspect", bytes).catch((e: unknown) => {
      throw e instanceof PoolBusyError ? new ModelError(503, e.message) : e;
    });
    if (!inspected.ok) throw new ModelError(422, `The GLB could not be read: ${inspected.error}`);
    const id = modelIdOf(bytes);
    const figures = inspected.figures;
    const unready = inspected.extensions.map((e) => CLIENT_UNREADY.get(e)).filter((x): x is string => !!x);
    const notes = [...(extra.notes ?? [])];
    if (unready.length) notes.push(`Uses ${unready.join(" and ")}, which headsets here do not decode: make an optimised copy to use it in a room.`);
    const source = extra.optimisedFrom;
    const report: ModelReport = {
      modelId: id,
      bytes: bytes.byteLength,
      ...figures,
      // Joining meshes loses their names; an optimised copy keeps the floor and walls found in its source.
      ...(source ? { meshNames: source.meshNames, floor: source.floor, walls: source.walls, optimisedFrom: source.modelId } : {}),
      clientReady: unready.length === 0,
      notes,
    };
    await mkdir(this.dir, { recursive: true });
    await writeAtomically(path.join(this.dir, `${id}.glb`), bytes);
    await writeAtomically(path.join(this.dir, `${id}.report.json`), Buffer.from(JSON.stringify(report)));
    return report;
  }

  async report(id: string): Promise<ModelReport | null> {
    if (!modelIdSchema.safeParse(id).success) return null;
    try {
      return modelReportSchema.parse(JSON.parse(await readFile(path.join(this.dir, `${id}.report.json`), "utf8")));
    } catch {
      return null;
    }
  }

  async bytes(id: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.fileOf(id)));
  }

  /** An optimised copy of a stored model's bytes and what was done (not stored: `put` it). */
  async optimised(id: string): Promise<{ bytes: Uint8Array; notes: string[] }> {
    return this.pool.run("room-model-optimise", await this.bytes(id));
  }
}

async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
