import { randomUUID } from "node:crypto";
import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { POLLS_MAX, SESSION_ID_PATTERN, consolePollSchema } from "@otc/contract";
import { PollBook, makePoll, pollsCsv } from "@otc/polls";
import { describeIssues } from "../../parsed.js";
import type { Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import { PollStore } from "./poll-store.js";

export interface PollRoutesDeps {
  auth: AdminAuth;
  storage: Storage;
  now: () => number;
  log: (line: string) => void;
}

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/** Loads a session's polls and answers from storage (what the console sees: stored, so what the room showed). */
async function load(store: PollStore): Promise<PollBook> {
  const book = new PollBook();
  for (const p of await store.polls()) book.put(p);
  for (const a of await store.answers()) if (book.get(a.pollId)) book.putAnswer(a);
  return book;
}

/**
 * Console routes of polls (signed-in console only): `GET /api/sessions/<id>/polls` (every question
 * with its results), `POST` the same path (a question prepared ahead, a draft the room can launch),
 * `GET /api/sessions/<id>/polls.csv` (every answer). Mounted before the console API, whose last route
 * answers 404.
 */
export function mountPollRoutes(app: Application, deps: PollRoutesDeps): void {
  const base = "/api/sessions/:id/polls";
  /** The signed-in console only, and a stored session; answers the request itself otherwise. */
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    if (!deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return void fail(res, 401, NOT_SIGNED_IN);
    const id = String(req.params.id ?? "");
    if (!SESSION_ID_PATTERN.test(id) || !(await deps.storage.getSession(id))) return void fail(res, 404, "No such session.");
    res.locals.store = new PollStore(deps.storage, id);
    next();
  };
  const storeOf = (res: Response) => res.locals.store as PollStore;

  app.get(`${base}.csv`, guard, async (req: Request, res: Response) => {
    const book = await load(storeOf(res));
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="polls-${String(req.params.id)}.csv"`);
    res.send(pollsCsv(book.all(), (id) => book.answersOf(id)));
  });

  app.get(base, guard, async (_req: Request, res: Response) => {
    const book = await load(storeOf(res));
    res.json(book.all().map((p) => book.view(p)));
  });

  app.post(base, guard, express.json({ limit: "16kb" }), async (req: Request, res: Response) => {
    if (!req.is("application/json")) return void fail(res, 415, "Send JSON (Content-Type: application/json).");
    const store = storeOf(res);
    const body = consolePollSchema.safeParse(req.body);
    if (!body.success) return void fail(res, 400, describeIssues(body.error.issues));
    if ((await store.polls()).length >= POLLS_MAX) return void fail(res, 400, `A session keeps at most ${POLLS_MAX} questions.`);
    const made = makePoll(randomUUID(), body.data, deps.now());
    if (!made.ok) return void fail(res, 400, made.reason);
    await store.putPoll(made.value, deps.now());
    deps.log(`console: prepared a poll in session ${String(req.params.id)}`);
    res.status(201).json(new PollBook().view(made.value));
  });
}
