import type { Request } from "express";
import { REPORT_LINK_HEADER } from "@otc/contract";
import type { SessionRecord } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { verifyLink } from "../sessions/links.js";

export interface ReportAccessDeps {
  auth: AdminAuth;
  secret: Buffer;
}

/**
 * Data about people is for the session's facilitators and console admins only: a signed-in console
 * (cookie or ADMIN_SECRET), or the session's current facilitator link in REPORT_LINK_HEADER. Unlike
 * a join, an ended session's link still opens its report (that is when it is read); a replaced link does not.
 */
export function mayReadReport(req: Request, session: SessionRecord, deps: ReportAccessDeps): boolean {
  if (deps.auth.isAdmin(req.headers.cookie, req.headers.authorization)) return true;
  const token = req.get(REPORT_LINK_HEADER);
  if (!token) return false;
  const claim = verifyLink(deps.secret, token);
  return claim !== undefined && claim.kind === "facilitator" && claim.sessionId === session.id && claim.version === session.linkVersions.facilitator;
}
