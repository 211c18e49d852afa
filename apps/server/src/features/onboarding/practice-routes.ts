import express, { type Application, type Request, type Response } from "express";
import { SESSION_ID_PATTERN, type OnboardingRecord } from "@otc/contract";
import { z } from "zod";
import type { Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import { ONBOARDING_COLLECTION } from "./onboarding-progress.js";
import { PRACTICE_BOTS_MAX, type PracticeBots } from "./practice-bots.js";

const bodySchema = z.object({ count: z.number().int().min(1).max(PRACTICE_BOTS_MAX) });
const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/**
 * Practice mode (signed-in console only): `POST /api/sessions/<id>/practice-bots` `{count}` brings
 * that many simulated participants (at most three) into the session's room — a facilitator's
 * private rehearsal; `DELETE` the same path sends them away. `GET /api/sessions/<id>/onboarding`
 * lists each person's onboarding record (the console's listing; ended sessions too). Mounted
 * before the console API.
 */
export function mountPracticeRoutes(app: Application, deps: { auth: AdminAuth; storage: Storage; bots: PracticeBots; log: (line: string) => void }): void {
  const base = "/api/sessions/:id/practice-bots";
  const session = async (req: Request, res: Response): Promise<string | null> => {
    if (!deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return fail(res, 401, NOT_SIGNED_IN), null;
    const id = String(req.params.id ?? "");
    const stored = SESSION_ID_PATTERN.test(id) ? await deps.storage.getSession(id) : undefined;
    if (!stored) return fail(res, 404, "No such session."), null;
    if (stored.endedAt) return fail(res, 409, "The session has ended."), null;
    return id;
  };
  app.get("/api/sessions/:id/onboarding", async (req: Request, res: Response) => {
    if (!deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return void fail(res, 401, NOT_SIGNED_IN);
    const id = String(req.params.id ?? "");
    if (!SESSION_ID_PATTERN.test(id) || !(await deps.storage.getSession(id))) return void fail(res, 404, "No such session.");
    const people = (await deps.storage.listDocuments<OnboardingRecord>(id, ONBOARDING_COLLECTION)).map((d) => d.body);
    res.json({ people: people.sort((a, b) => a.name.localeCompare(b.name)) });
  });
  app.post(base, express.json({ limit: "1kb" }), async (req: Request, res: Response) => {
    const id = await session(req, res);
    if (!id) return;
    const body = bodySchema.safeParse(req.body);
    if (!body.success) return void fail(res, 400, `count: 1 to ${PRACTICE_BOTS_MAX}`);
    try {
      res.json({ bots: await deps.bots.start(id, body.data.count) });
    } catch (e) {
      deps.log(`practice bots for ${id} could not join: ${String(e)}`);
      fail(res, 502, "The practice participants could not join.");
    }
  });
  app.delete(base, async (req: Request, res: Response) => {
    const id = await session(req, res);
    if (!id) return;
    await deps.bots.stop(id);
    res.json({ bots: 0 });
  });
}
