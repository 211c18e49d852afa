import type { Request } from "express";
import { PROTOCOL_VERSION, SESSION_ID_PATTERN, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, type RejectionCode } from "@otc/contract";
import type { Storage } from "../../storage/storage.js";
import { admit, type Admission } from "./admission.js";

export interface InvitationDeps {
  storage: Storage;
  secret: Buffer;
  now: () => number;
}

/**
 * Whether an HTTP request from inside a session (upload, download) carries a valid invitation:
 * the link token and person key in headers, checked with the same `admit()` as a join, so an
 * ended session, a revoked link or a removed person is refused here too.
 */
export async function admitRequest(req: Request, sessionId: string, deps: InvitationDeps): Promise<Admission | { ok: false; reason: RejectionCode; status: 401 }> {
  const link = req.get(SLIDE_LINK_HEADER) ?? "";
  const personKey = req.get(SLIDE_PERSON_HEADER) ?? "";
  if (!SESSION_ID_PATTERN.test(sessionId) || !/^[A-Za-z0-9_-]{22,64}$/.test(personKey)) return { ok: false, reason: "no-link", status: 401 };
  // admit() reads only the session, link and person key; the other join fields do not apply here.
  return admit({ protocol: PROTOCOL_VERSION, sessionId, link, personKey, name: "-", colour: "#000000", device: "desktop" }, deps);
}
