import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { SESSION_ID_PATTERN, agendaMessageSchema } from "@otc/contract";
import { EMPTY_AGENDA, setAgendaItems, type Agenda } from "@otc/timer";
import { describeIssues } from "../../parsed.js";
import type { Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import type { LiveSessions } from "../sessions/live-sessions.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import { TIMER_COLLECTION } from "./timer-room-feature.js";

export interface AgendaRoutesDeps {
  auth: AdminAuth;
  storage: Storage;
  now: () => number;
  /** Reaches the session's running room, in whichever process holds it (the presence channel). */
  live: Pick<LiveSessions, "agendaChanged">;
}

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/**
 * The agenda prepared in the console (signed-in console only): `GET`/`PUT /api/sessions/<id>/agenda`
 * `{items: [{title, minutes}]}`, the same document the room's facilitators edit. A room already open
 * is told through the session's presence channel and shows the new agenda at once.
 */
export function mountAgendaRoutes(app: Application, deps: AgendaRoutesDeps): void {
  const path = "/api/sessions/:id/agenda";
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    if (!deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return void fail(res, 401, NOT_SIGNED_IN);
    const id = String(req.params.id ?? "");
    if (!SESSION_ID_PATTERN.test(id) || !(await deps.storage.getSession(id))) return void fail(res, 404, "No such session.");
    next();
  };
  const read = async (id: string) => (await deps.storage.getDocument<Agenda>(id, TIMER_COLLECTION, "agenda"))?.body ?? EMPTY_AGENDA;

  app.get(path, guard, async (req: Request, res: Response) => void res.json(await read(String(req.params.id))));
  app.put(path, guard, express.json({ limit: "16kb" }), async (req: Request, res: Response) => {
    if (!req.is("application/json")) return void fail(res, 415, "Send JSON (Content-Type: application/json).");
    const parsed = agendaMessageSchema.safeParse(req.body);
    if (!parsed.success) return void fail(res, 400, describeIssues(parsed.error.issues));
    const id = String(req.params.id);
    const agenda = setAgendaItems(await read(id), parsed.data.items);
    await deps.storage.putDocument(id, TIMER_COLLECTION, "agenda", agenda, deps.now());
    deps.live.agendaChanged(id);
    res.json(agenda);
  });
}
