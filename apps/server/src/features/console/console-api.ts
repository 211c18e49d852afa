import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { LINK_KINDS, createSessionRequestSchema, sessionBrandSchema, signInRequestSchema, type LinkKind, type RoomTemplateSummary, type SessionBrand } from "@otc/contract";
import { describeIssues } from "../../parsed.js";
import type { LiveSessions } from "../sessions/live-sessions.js";
import { mountModerationConsole, type ModerationConsoleDeps } from "../moderation/moderation-console.js";
import { brandStateValue, loadSessionBrand, saveSessionBrand } from "../sessions/session-brand-store.js";
import { SessionError, type SessionService } from "../sessions/session-service.js";
import type { Storage } from "../../storage/storage.js";
import { ADMIN_COOKIE, ADMIN_COOKIE_TTL_MS, type AdminAuth } from "./admin-auth.js";
import { SignInThrottle } from "./sign-in-throttle.js";

export interface ConsoleApiDeps {
  auth: AdminAuth;
  sessions: SessionService;
  live: LiveSessions;
  rooms: () => RoomTemplateSummary[];
  storage: Storage;
  /** Whether a path under /assets (a brand logo) is there to be served. */
  assetExists: (path: string) => Promise<boolean>;
  now: () => number;
  /** Set the Secure flag on the cookie (served over https). */
  secureCookie: boolean;
  log: (line: string) => void;
  /** Lock, capacity, waiting room and blocked list of each session (features/moderation). */
  moderation?: Omit<ModerationConsoleDeps, "sessions" | "storage" | "now">;
}

export const NOT_SIGNED_IN =
  "Sign in to the console first: open the one-time sign-in link the server printed when it started, or enter the ADMIN_SECRET.";

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/**
 * The facilitator console's JSON API under /api. Everything but sign-in needs a signed-in console
 * (cookie) or `Authorization: Bearer <ADMIN_SECRET>`; writes must be JSON (a cross-site form cannot
 * send that without a preflight, and the cookie is SameSite=Strict).
 */
export function consoleApi(deps: ConsoleApiDeps): Router {
  const api = express.Router();
  api.use(express.json({ limit: "16kb" }));

  api.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === "POST" && !req.is("application/json")) return void fail(res, 415, "Send JSON (Content-Type: application/json).");
    next();
  });

  const throttle = new SignInThrottle(deps.now);
  api.post("/admin/sign-in", async (req: Request, res: Response) => {
    const address = req.socket.remoteAddress ?? "?"; // the peer, not X-Forwarded-For (which a guesser could vary)
    const wait = throttle.retryAfterS(address);
    if (wait > 0) {
      res.setHeader("Retry-After", String(wait));
      return void fail(res, 429, `Too many failed sign-ins from this address; try again in ${wait} s.`);
    }
    const body = signInRequestSchema.safeParse(req.body);
    if (!body.success) return void fail(res, 400, "Give the sign-in token or the admin secret.");
    const ok = "token" in body.data ? await deps.auth.redeem(body.data.token) : deps.auth.checkAdminSecret(body.data.secret);
    if (!ok) {
      throttle.failed(address);
      const why = "token" in body.data ? "This sign-in link was already used or has expired. Restart the server to print a new one." : "That admin secret is not right.";
      return void fail(res, 401, why);
    }
    res.cookie(ADMIN_COOKIE, deps.auth.cookieValue(), { httpOnly: true, sameSite: "strict", secure: deps.secureCookie, path: "/", maxAge: ADMIN_COOKIE_TTL_MS });
    res.status(204).end();
  });

  api.post("/admin/sign-out", async (req: Request, res: Response) => {
    await deps.auth.signOut(req.headers.cookie);
    res.clearCookie(ADMIN_COOKIE, { httpOnly: true, sameSite: "strict", secure: deps.secureCookie, path: "/" });
    res.status(204).end();
  });

  api.use((req: Request, res: Response, next: NextFunction) => {
    if (deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return next();
    fail(res, 401, NOT_SIGNED_IN);
  });

  api.get("/admin/me", (_req: Request, res: Response) => void res.json({ signedIn: true }));

  api.get("/rooms", (_req: Request, res: Response) => void res.json(deps.rooms()));

  api.get("/sessions", async (_req: Request, res: Response) => {
    res.json((await deps.sessions.list()).map((s) => deps.sessions.summary(s)));
  });

  api.post("/sessions", async (req: Request, res: Response) => {
    const body = createSessionRequestSchema.safeParse(req.body);
    if (!body.success) return void fail(res, 400, describeIssues(body.error.issues));
    const created = await deps.sessions.create(body.data);
    deps.log(`console: created session ${created.id} ("${created.title}")`);
    res.status(201).json(deps.sessions.summary(created));
  });

  api.get("/sessions/:id", async (req: Request, res: Response) => {
    res.json(deps.sessions.summary(await deps.sessions.get(String(req.params.id))));
  });

  api.post("/sessions/:id/links/:kind", async (req: Request, res: Response) => {
    const kind = String(req.params.kind);
    if (!(LINK_KINDS as readonly string[]).includes(kind)) return void fail(res, 404, `No such link: "${kind}" (participant or facilitator).`);
    const updated = await deps.sessions.regenerate(String(req.params.id), kind as LinkKind);
    deps.live.linkRenewed(updated.id, kind as LinkKind); // the old link admits nobody, and keeps nobody in
    res.json(deps.sessions.summary(updated));
  });

  api.get("/sessions/:id/brand", async (req: Request, res: Response) => {
    const session = await deps.sessions.get(String(req.params.id));
    res.json((await loadSessionBrand(deps.storage, session.id)) ?? {});
  });

  api.post("/sessions/:id/brand", async (req: Request, res: Response) => {
    const session = await deps.sessions.get(String(req.params.id));
    const body = sessionBrandSchema.safeParse(req.body);
    if (!body.success) return void fail(res, 400, describeIssues(body.error.issues));
    const brand = Object.fromEntries(Object.entries(body.data).filter(([, v]) => v !== "")) as SessionBrand;
    if (brand.logoImage && !(await deps.assetExists(brand.logoImage))) return void fail(res, 400, `logoImage: no picture "${brand.logoImage}" on this server; upload the logo first.`);
    await saveSessionBrand(deps.storage, session.id, brand, deps.now());
    deps.live.brandChanged(session.id, brandStateValue(brand));
    deps.log(`console: brand of session ${session.id} set`);
    res.json(brand);
  });

  api.post("/sessions/:id/end", async (req: Request, res: Response) => {
    const ended = await deps.sessions.end(String(req.params.id));
    deps.live.end(ended.id);
    deps.log(`console: ended session ${ended.id}`);
    res.json(deps.sessions.summary(ended));
  });

  if (deps.moderation) mountModerationConsole(api, { ...deps.moderation, sessions: deps.sessions, storage: deps.storage, now: deps.now });

  api.use((_req: Request, res: Response) => void fail(res, 404, "No such console API route."));

  api.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof SessionError) return void fail(res, err.status, err.message);
    const status = typeof err === "object" && err !== null && "status" in err && typeof err.status === "number" ? err.status : 500;
    if (status === 400) return void fail(res, 400, "The request body is not valid JSON.");
    if (status === 413) return void fail(res, 413, "The request is too large.");
    deps.log(`console api failed: ${String(err)}`);
    fail(res, 500, "The server could not do that; nothing was changed. Try again.");
  });
  return api;
}
