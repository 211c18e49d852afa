import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { SESSION_ID_PATTERN, askEmailRequestSchema, retentionRequestSchema, type JoinForm, type RetentionSettings } from "@otc/contract";
import { reportCsv } from "@otc/record";
import { describeIssues } from "../../parsed.js";
import type { SessionRecord, Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import { admitRequest } from "../sessions/invited-request.js";
import { forgetPerson } from "./forget-person.js";
import { mayReadReport } from "./report-access.js";
import { sessionReport } from "./report-service.js";

export interface RecordRoutesDeps {
  auth: AdminAuth;
  storage: Storage;
  secret: Buffer;
  now: () => number;
  /** The reconnection window, s: shorter gaps do not break a stay. */
  reconnectWindowS: number;
  /** RECORD_RETENTION_DAYS (null: kept), shown beside a session's own retention. */
  serverRetentionDays: number | null;
}

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/**
 * The training record's HTTP face: `GET /api/sessions/<id>/report` (JSON: the session and one row
 * per person) and `GET /api/sessions/<id>/report.csv` (the same table, columns in @otc/record's
 * README), `POST .../report/people/<person id>/forget` (erase one person, counts kept),
 * `GET`/`POST /api/sessions/<id>/retention` (days its personal data is kept; retention.ts),
 * `GET`/`POST /api/sessions/<id>/ask-email` (whether the join screen asks for an email). For the
 * session's facilitators and console admins only (report-access.ts); and, for a join screen holding
 * an invitation, `GET /api/sessions/<id>/join-form` (whether to ask for an email). Mounted
 * before the console API, whose last route answers 404.
 */
export function mountRecordRoutes(app: Application, deps: RecordRoutesDeps): void {
  const base = "/api/sessions/:id/report";
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    const id = String(req.params.id ?? "");
    const session = SESSION_ID_PATTERN.test(id) ? await deps.storage.getSession(id) : undefined;
    if (!session || !mayReadReport(req, session, deps)) {
      // Without access, an unknown session answers like a forbidden one: no probing which sessions exist.
      if (!session && deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return void fail(res, 404, "No such session.");
      return void fail(res, 401, NOT_SIGNED_IN);
    }
    res.locals.session = session;
    next();
  };
  const load = (res: Response) => sessionReport(res.locals.session as SessionRecord, { storage: deps.storage, now: deps.now, mergeGapMs: deps.reconnectWindowS * 1000 });

  app.get(`${base}.csv`, guard, async (req: Request, res: Response) => {
    const { report } = await load(res);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="report-${String(req.params.id)}.csv"`);
    res.setHeader("Cache-Control", "no-store");
    res.send(reportCsv(report));
  });

  // A person's data erased on request (their counts stay, anonymous); the person id is the report row's.
  app.post(`${base}/people/:personId/forget`, guard, async (req: Request, res: Response) => {
    const personId = String(req.params.personId ?? "");
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(personId)) return void fail(res, 400, "No such person.");
    res.json(await forgetPerson(deps.storage, (res.locals.session as SessionRecord).id, personId, deps.now()));
  });

  const retention = (session: SessionRecord): RetentionSettings => ({ days: session.retentionDays ?? null, serverDays: deps.serverRetentionDays });
  app.get("/api/sessions/:id/retention", guard, (_req: Request, res: Response) => void res.json(retention(res.locals.session as SessionRecord)));
  app.post("/api/sessions/:id/retention", guard, express.json({ limit: "1kb" }), async (req: Request, res: Response) => {
    const parsed = retentionRequestSchema.safeParse(req.body);
    if (!parsed.success) return void fail(res, 400, describeIssues(parsed.error.issues));
    const session = await deps.storage.setSessionRetention((res.locals.session as SessionRecord).id, parsed.data.days);
    res.json(retention(session ?? (res.locals.session as SessionRecord)));
  });

  const askEmail = (session: SessionRecord) => ({ askEmail: session.askEmail === true });
  app.get("/api/sessions/:id/ask-email", guard, (_req: Request, res: Response) => void res.json(askEmail(res.locals.session as SessionRecord)));
  app.post("/api/sessions/:id/ask-email", guard, express.json({ limit: "1kb" }), async (req: Request, res: Response) => {
    const parsed = askEmailRequestSchema.safeParse(req.body);
    if (!parsed.success) return void fail(res, 400, describeIssues(parsed.error.issues));
    const session = await deps.storage.setSessionAskEmail((res.locals.session as SessionRecord).id, parsed.data.askEmail);
    res.json(askEmail(session ?? (res.locals.session as SessionRecord)));
  });
  // The join screen asks before joining, with the invitation and person key it will join with.
  app.get("/api/sessions/:id/join-form", async (req: Request, res: Response) => {
    const admitted = await admitRequest(req, String(req.params.id ?? ""), deps);
    if (!admitted.ok) return void fail(res, 401, admitted.reason);
    res.setHeader("Cache-Control", "no-store");
    res.json({ askEmail: admitted.session.askEmail === true } satisfies JoinForm);
  });

  app.get(base, guard, async (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(await load(res));
  });
}
