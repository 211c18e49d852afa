import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { SLIDE_DECK_MAX_BYTES, SLIDES_ROUTE, rejectionWire } from "@otc/contract";
import { mayManageSlides } from "@otc/slides";
import type { Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import type { Admission } from "../sessions/admission.js";
import { admitRequest } from "../sessions/invited-request.js";
import { deckName, intakeDeck } from "./deck-intake.js";
import type { DeckStore } from "./deck-store.js";
import type { OfficeConverter } from "./office-convert.js";
import type { ParsePool } from "../../workers/parse-pool.js";

export interface SlideRouteDeps {
  decks: DeckStore;
  storage: Storage;
  secret: Buffer;
  auth: AdminAuth;
  convert: OfficeConverter;
  /** Where PDFs are parsed, off the event loop. */
  pool: ParsePool;
  now: () => number;
  log: (line: string) => void;
}

const fail = (res: Response, status: number, error: string) => void res.status(status).json({ error });

/**
 * Deck routes. In the room: `POST|GET /slides/<session>/decks` and `GET /slides/<session>/decks/<id>.pdf`,
 * each carrying the invitation (link token + person key headers) and checked with the same `admit()`
 * as a join; uploading needs the "present" right. In the console (admin): `POST|GET
 * /api/sessions/<session>/decks`. Mounted before the console API (which only takes JSON bodies).
 */
export function mountSlideRoutes(app: Application, deps: SlideRouteDeps): void {
  const raw = express.raw({ type: () => true, limit: SLIDE_DECK_MAX_BYTES });

  const invited = async (req: Request, res: Response): Promise<Extract<Admission, { ok: true }> | undefined> => {
    const admission = await admitRequest(req, String(req.params.session ?? ""), deps);
    if (!admission.ok) return void fail(res, "status" in admission ? admission.status : 403, rejectionWire(admission.reason));
    return admission;
  };
  const admin = (req: Request, res: Response, next: NextFunction) => {
    if (deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return next();
    fail(res, 401, NOT_SIGNED_IN);
  };
  const upload = async (req: Request, res: Response, sessionId: string) => {
    raw(req, res, async (err?: unknown) => {
      if (err) {
        const tooBig = typeof err === "object" && err !== null && "type" in err && err.type === "entity.too.large";
        return fail(res, tooBig ? 413 : 400, tooBig ? `The deck is larger than ${SLIDE_DECK_MAX_BYTES / 1024 / 1024} MB.` : "The upload failed.");
      }
      const body: unknown = req.body;
      const bytes = body instanceof Buffer ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array();
      const name = String(req.query.name ?? "deck.pdf").slice(0, 200);
      const intake = await intakeDeck(bytes, name, deps.convert, (pdf) => deps.pool.run("pdf-pages", pdf));
      if (!intake.ok) return fail(res, intake.status, `This deck cannot be shown: ${intake.reason}.`);
      try {
        const deck = await deps.decks.add(sessionId, intake.pdf, { name: deckName(name), pageCount: intake.pageCount, source: intake.source }, deps.now());
        deps.log(`slides: deck ${deck.id} (${deck.pageCount} pages) added to session ${sessionId}`);
        res.status(201).json(deck);
      } catch (e) {
        deps.log(`slides: deck could not be stored: ${String(e)}`);
        fail(res, 500, rejectionWire("storage-failed"));
      }
    });
  };

  app.post(`${SLIDES_ROUTE}/:session/decks`, async (req: Request, res: Response) => {
    const who = await invited(req, res);
    if (!who) return;
    if (!mayManageSlides(who.role)) return fail(res, 403, "Only a facilitator can upload slide decks.");
    await upload(req, res, who.session.id);
  });
  app.get(`${SLIDES_ROUTE}/:session/decks`, async (req: Request, res: Response) => {
    const who = await invited(req, res);
    if (who) res.json(await deps.decks.list(who.session.id));
  });
  app.get(`${SLIDES_ROUTE}/:session/decks/:file`, async (req: Request, res: Response) => {
    const who = await invited(req, res);
    if (!who) return;
    const name = String(req.params.file ?? "");
    const id = name.endsWith(".pdf") ? name.slice(0, -4) : "";
    const deck = await deps.decks.get(who.session.id, id);
    const file = deps.decks.fileOf(id);
    if (!deck || !file) return fail(res, 404, "No such deck in this session.");
    res.setHeader("Cache-Control", "private, max-age=31536000, immutable"); // content-named
    res.type("application/pdf").sendFile(file);
  });

  app.post("/api/sessions/:session/decks", admin, async (req: Request, res: Response) => {
    const session = await deps.storage.getSession(String(req.params.session));
    if (!session) return fail(res, 404, "No such session.");
    await upload(req, res, session.id);
  });
  app.get("/api/sessions/:session/decks", admin, async (req: Request, res: Response) => {
    const session = await deps.storage.getSession(String(req.params.session));
    if (!session) return fail(res, 404, "No such session.");
    res.json(await deps.decks.list(session.id));
  });
}
