import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { MAX_MODEL_UPLOAD_BYTES, MAX_ROOM_ARCHIVE_BYTES, environmentModelId, modelIdSchema, type RoomLayout } from "@otc/contract";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { MAX_LOGO_BYTES, type BrandLogos } from "./brand-logos.js";
import { ModelError, type ModelStore } from "./model-store.js";
import { PoolBusyError, type ParsePool } from "../../workers/parse-pool.js";
import { packRoom, type UnpackResult } from "./room-archive.js";
import type { ImportedRooms, SaveResult } from "./room-store.js";

export interface RoomImportDeps {
  auth: AdminAuth;
  models: ModelStore;
  logos: BrandLogos;
  rooms: ImportedRooms;
  layouts: ReadonlyMap<string, RoomLayout>;
  /** Where archives are unpacked, off the event loop. */
  pool: ParsePool;
  log: (line: string) => void;
}

const fail = (res: Response, status: number, error: string, errors?: string[]) => void res.status(status).json(errors ? { error, errors } : { error });
const MiB = 1024 * 1024;

/** Reads a raw body of one of `types` up to `limit` bytes; answers 413/415 itself and returns null. */
function rawBody(types: string[], limit: number, what: string) {
  const parse = express.raw({ type: types, limit });
  return (req: Request, res: Response) =>
    new Promise<Uint8Array | null>((resolve) => {
      parse(req, res, (err?: unknown) => {
        if (err) {
          const tooBig = typeof err === "object" && err !== null && "type" in err && err.type === "entity.too.large";
          fail(res, tooBig ? 413 : 400, tooBig ? `The ${what} is larger than ${limit / MiB} MB.` : "The upload failed.");
          return resolve(null);
        }
        const body: unknown = req.body;
        if (!(body instanceof Buffer)) {
          fail(res, 415, `Send the ${what} as ${types[0]}.`);
          return resolve(null);
        }
        resolve(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
      });
    });
}

/**
 * The console's room import (`/api/room-models`, `/api/rooms…`) and what participants load
 * (`/assets/imported/<id>.glb`, `/assets/rooms/<imported id>.json`). Mount before the console API
 * and the static assets.
 */
export function mountRoomImportRoutes(app: Application, deps: RoomImportDeps): void {
  const admin = (req: Request, res: Response, next: NextFunction) => {
    if (deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return next();
    fail(res, 401, NOT_SIGNED_IN);
  };
  const glb = rawBody(["model/gltf-binary", "application/octet-stream"], MAX_MODEL_UPLOAD_BYTES, "model");
  const zip = rawBody(["application/zip", "application/octet-stream"], MAX_ROOM_ARCHIVE_BYTES, "archive");
  const image = rawBody(["image/png", "image/jpeg", "application/octet-stream"], MAX_LOGO_BYTES, "logo");
  const json = express.json({ limit: "256kb" });
  let optimising: Promise<unknown> = Promise.resolve(); // one at a time: it is CPU-bound for seconds

  // Only content-named files: models and logos, never their reports or half-written .tmp files.
  const immutable = { immutable: true, maxAge: "365d" };
  app.get("/assets/imported/:file", (req: Request, res: Response) => {
    const id = String(req.params.file).replace(/\.glb$/, "");
    if (!String(req.params.file).endsWith(".glb") || !modelIdSchema.safeParse(id).success) return void res.status(404).type("text/plain").send("not found");
    res.type("model/gltf-binary").sendFile(deps.models.fileOf(id), immutable, (err) => err && !res.headersSent && res.status(404).type("text/plain").send("not found"));
  });
  app.get("/assets/uploads/brand/:file", (req: Request, res: Response) => {
    const file = deps.logos.fileOf(`uploads/brand/${String(req.params.file)}`);
    if (!file) return void res.status(404).type("text/plain").send("not found");
    res.type("image/png").sendFile(file, immutable, (err) => err && !res.headersSent && res.status(404).type("text/plain").send("not found"));
  });
  app.get("/assets/rooms/:file", (req: Request, res: Response, next: NextFunction) => {
    const id = String(req.params.file).replace(/\.json$/, "");
    if (!deps.rooms.isImported(id)) return next();
    res.json(deps.layouts.get(id));
  });

  app.post("/api/room-models", admin, async (req: Request, res: Response) => {
    const bytes = await glb(req, res);
    if (!bytes) return;
    try {
      const report = await deps.models.put(bytes);
      deps.log(`rooms: model ${report.modelId} uploaded (${report.triangles} triangles, ${report.drawCalls} draw calls)`);
      res.status(201).json(report);
    } catch (e) {
      if (e instanceof ModelError) return fail(res, e.status, e.message);
      throw e;
    }
  });

  app.post("/api/brand-logos", admin, async (req: Request, res: Response) => {
    const bytes = await image(req, res);
    if (!bytes) return;
    const stored = await deps.logos.put(bytes);
    if (!stored.ok) return fail(res, stored.status, stored.error);
    res.status(201).json({ logoImage: stored.logoImage });
  });

  app.get("/api/room-models/:id", admin, async (req: Request, res: Response) => {
    const report = await deps.models.report(String(req.params.id));
    if (!report) return fail(res, 404, "No such model: upload it again.");
    res.json(report);
  });

  app.post("/api/room-models/:id/optimise", admin, json, async (req: Request, res: Response) => {
    if (!req.is("application/json")) return fail(res, 415, "Send JSON (Content-Type: application/json).");
    const source = await deps.models.report(String(req.params.id));
    if (!source) return fail(res, 404, "No such model: upload it again.");
    const job = optimising.then(async () => {
      const copy = await deps.models.optimised(source.modelId);
      return deps.models.put(copy.bytes, { notes: copy.notes, optimisedFrom: source });
    });
    optimising = job.catch(() => undefined);
    try {
      const report = await job;
      deps.log(`rooms: model ${source.modelId} optimised as ${report.modelId} (${source.triangles} → ${report.triangles} triangles)`);
      res.status(201).json(report);
    } catch (e) {
      deps.log(`rooms: optimising ${source.modelId} failed: ${String(e)}`);
      fail(res, 422, `The model could not be optimised: ${e instanceof Error ? e.message : String(e)}`);
    }
  });

  app.get("/api/rooms/:id", admin, (req: Request, res: Response) => {
    const room = deps.layouts.get(String(req.params.id));
    if (!room) return fail(res, 404, "No such room.");
    res.json(room);
  });

  const answer = (res: Response, saved: SaveResult) => {
    if (!saved.ok) return fail(res, saved.status, saved.error, saved.errors);
    deps.log(`rooms: room "${saved.room.id}" saved`);
    res.status(201).json({ id: saved.room.id, name: saved.room.name, imported: true });
  };

  app.post("/api/rooms", admin, json, async (req: Request, res: Response) => {
    if (!req.is("application/json")) return fail(res, 415, "Send the room file as JSON (Content-Type: application/json).");
    answer(res, await deps.rooms.save(req.body));
  });

  app.get("/api/rooms/:id/archive", admin, async (req: Request, res: Response) => {
    const room = deps.layouts.get(String(req.params.id));
    if (!room) return fail(res, 404, "No such room.");
    const model = room.environment ? await deps.models.bytes(environmentModelId(room.environment)).catch(() => null) : null;
    if (room.environment && !model) return fail(res, 404, "The room's model is missing on this server.");
    const logo = room.brand?.logoImage ? await deps.logos.read(room.brand.logoImage) : null;
    res.attachment(`${room.id}.otc-room.zip`).type("application/zip").send(Buffer.from(packRoom(room, model, logo)));
  });

  app.post("/api/rooms/archive", admin, async (req: Request, res: Response) => {
    const bytes = await zip(req, res);
    if (!bytes) return;
    let unpacked: UnpackResult;
    try {
      unpacked = await deps.pool.run("room-archive", bytes);
    } catch (e) {
      if (e instanceof PoolBusyError) return void res.setHeader("Retry-After", "60").status(503).json({ error: e.message });
      unpacked = { ok: false, error: `The archive could not be read: ${e instanceof Error ? e.message : String(e)}.` };
    }
    if (!unpacked.ok) return fail(res, 400, unpacked.error, [unpacked.error]);
    const roomJson = unpacked.json as { environment?: { model?: unknown }; brand?: { logoImage?: unknown } } | null;
    for (const [name, logo] of unpacked.logos) {
      const stored = await deps.logos.put(logo);
      if (!stored.ok) return fail(res, stored.status, `${name}: ${stored.error}`, [`${name}: ${stored.error}`]);
      if (roomJson?.brand?.logoImage === name) roomJson.brand.logoImage = stored.logoImage;
    }
    for (const [name, model] of unpacked.models) {
      try {
        const report = await deps.models.put(model); // checked by content like any upload
        // The archive names the model; the server names it by its content.
        if (roomJson?.environment?.model === name) roomJson.environment.model = `imported/${report.modelId}.glb`;
      } catch (e) {
        if (e instanceof ModelError) return fail(res, e.status, `${name}: ${e.message}`, [`${name}: ${e.message}`]);
        throw e;
      }
    }
    answer(res, await deps.rooms.save(roomJson));
  });
}

