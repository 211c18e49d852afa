import express, { type Application, type Request, type Response } from "express";
import { AVATAR_MODEL_MAX_BYTES, AVATAR_MODEL_ROUTE, AVATAR_SESSION_HEADER, rejectionWire, type ModelUploadResult } from "@otc/contract";
import { admitRequest, type InvitationDeps } from "../sessions/invited-request.js";
import { PoolBusyError, type ParsePool } from "../../workers/parse-pool.js";
import type { ModelVerdict } from "./model-check.js";
import { AvatarModelStore } from "./model-store.js";

/**
 * `POST /avatars` (body: the model file, at most AVATAR_MODEL_MAX_BYTES) checks the model by content
 * (on a worker thread) and stores it by hash; `GET /avatars/<hash>.glb` serves it back, cacheable forever (content-named).
 * Uploading needs an invitation (session, link and person key headers): strangers cannot fill the disk;
 * each person keeps their last few models and all together stay under a quota (AvatarModelStore).
 */
export function mountAvatarRoutes(app: Application, store: AvatarModelStore, invitations: InvitationDeps, pool: ParsePool, log: (line: string) => void): void {
  const raw = express.raw({ type: () => true, limit: AVATAR_MODEL_MAX_BYTES });
  app.post(AVATAR_MODEL_ROUTE, async (req: Request, res: Response) => {
    const admission = await admitRequest(req, req.get(AVATAR_SESSION_HEADER) ?? "", invitations);
    if (!admission.ok) {
      res.status("status" in admission ? admission.status : 403).type("text/plain").send(rejectionWire(admission.reason));
      return;
    }
    raw(req, res, async (err?: unknown) => {
      if (err) {
        const tooBig = typeof err === "object" && err !== null && "type" in err && err.type === "entity.too.large";
        res.status(tooBig ? 413 : 400).type("text/plain").send(tooBig ? `The model is larger than ${AVATAR_MODEL_MAX_BYTES / 1024 / 1024} MB.` : "The upload failed.");
        return;
      }
      const body: unknown = req.body;
      const bytes = body instanceof Buffer ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array();
      let verdict: ModelVerdict;
      try {
        verdict = await pool.run("avatar-model", bytes); // off the event loop: a 12 MiB glTF takes a while
      } catch (e) {
        if (e instanceof PoolBusyError) return void res.status(503).setHeader("Retry-After", "60").type("text/plain").send(e.message);
        log(`avatar upload could not be checked: ${String(e)}`);
        return void res.status(422).type("text/plain").send("The model could not be checked; try a smaller or simpler model.");
      }
      if (!verdict.ok) {
        res.status(422).type("text/plain").send(`This is not an avatar model we can use: ${verdict.reason}.`);
        return;
      }
      store.put(bytes, admission.personId).then(
        (stored) => {
          if (!stored.ok) return void res.status(stored.status).type("text/plain").send(stored.reason);
          const result: ModelUploadResult = { hash: stored.hash, url: AvatarModelStore.urlOf(stored.hash), kind: verdict.kind };
          res.status(201).json(result);
        },
        (e: unknown) => {
          log(`avatar upload could not be stored: ${String(e)}`);
          res.status(500).type("text/plain").send("The model could not be stored.");
        },
      );
    });
  });
  app.get(`${AVATAR_MODEL_ROUTE}/:file`, (req: Request, res: Response) => {
    const name = String(req.params.file ?? "");
    const file = name.endsWith(".glb") ? store.fileOf(name.slice(0, -4)) : null;
    if (!file || !store.has(name.slice(0, -4))) {
      res.status(404).type("text/plain").send("not found");
      return;
    }
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.type("model/gltf-binary").sendFile(file);
  });
}
