import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { PREPARED_PLANS_MAX, PREPARED_PLAN_ID, SESSION_ID_PATTERN, preparedPlanSchema, type PreparedPlan, type RoomLayout } from "@otc/contract";
import { describeIssues } from "../../parsed.js";
import type { Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";

/** Collection of a session's prepared breakout plans (key: the plan's id). */
export const PREPARED_COLLECTION = "breakout-plans";

export interface PlanRoutesDeps {
  auth: AdminAuth;
  storage: Storage;
  layouts: ReadonlyMap<string, RoomLayout>;
  now: () => number;
  log: (line: string) => void;
}

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/** A session's prepared plans, in id order. */
export async function preparedPlans(storage: Storage, sessionId: string): Promise<PreparedPlan[]> {
  return (await storage.listDocuments<PreparedPlan>(sessionId, PREPARED_COLLECTION)).map((d) => d.body);
}

/**
 * Console routes of breakout plans prepared before the session (signed-in console only):
 * `GET /api/sessions/<id>/breakout-plans`, `PUT .../breakout-plans/<planId>` (create or replace;
 * validated, at most PREPARED_PLANS_MAX per session, every group's room a known template) and
 * `DELETE .../breakout-plans/<planId>`. The room reads them when a facilitator asks.
 */
export function mountPlanRoutes(app: Application, deps: PlanRoutesDeps): void {
  const base = "/api/sessions/:id/breakout-plans";
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    if (!deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return void fail(res, 401, NOT_SIGNED_IN);
    const id = String(req.params.id ?? "");
    if (!SESSION_ID_PATTERN.test(id) || !(await deps.storage.getSession(id))) return void fail(res, 404, "No such session.");
    if (req.params.planId !== undefined && !PREPARED_PLAN_ID.test(String(req.params.planId))) return void fail(res, 400, "A plan id is lowercase letters, digits and dashes.");
    next();
  };

  app.get(base, guard, async (req: Request, res: Response) => void res.json(await preparedPlans(deps.storage, String(req.params.id))));

  app.put(`${base}/:planId`, guard, express.json({ limit: "32kb" }), async (req: Request, res: Response) => {
    if (!req.is("application/json")) return void fail(res, 415, "Send JSON (Content-Type: application/json).");
    const parsed = preparedPlanSchema.safeParse(req.body);
    if (!parsed.success) return void fail(res, 400, describeIssues(parsed.error.issues));
    const unknown = parsed.data.groups.find((g) => !deps.layouts.has(g.room));
    if (unknown) return void fail(res, 400, `There is no room template "${unknown.room}".`);
    const [sessionId, planId] = [String(req.params.id), String(req.params.planId)];
    const existing = await preparedPlans(deps.storage, sessionId);
    if (!existing.some((p) => p.id === planId) && existing.length >= PREPARED_PLANS_MAX) return void fail(res, 400, `A session keeps at most ${PREPARED_PLANS_MAX} plans.`);
    const plan: PreparedPlan = { id: planId, ...parsed.data };
    await deps.storage.putDocument(sessionId, PREPARED_COLLECTION, planId, plan, deps.now());
    deps.log(`console: prepared breakout plan ${planId} in session ${sessionId}`);
    res.json(plan);
  });

  app.delete(`${base}/:planId`, guard, async (req: Request, res: Response) => {
    const gone = await deps.storage.deleteDocument(String(req.params.id), PREPARED_COLLECTION, String(req.params.planId));
    if (!gone) return void fail(res, 404, "No such plan.");
    res.status(204).end();
  });
}
