import { createHash } from "node:crypto";
import { PERSON_KEY_PATTERN, SESSION_ID_PATTERN, type CleanJoinOptions, type RejectionCode, type Role } from "@otc/contract";
import type { SessionRecord, Storage } from "../../storage/storage.js";
import { verifyLink } from "./links.js";
import { roleOfLink } from "./session-service.js";

export type Admission =
  | { ok: true; session: SessionRecord; role: Role; personId: string; linkKind: "participant" | "facilitator" }
  | { ok: false; reason: RejectionCode };

/** Collection holding co-facilitator promotions, keyed by person id. */
export const ROLES_COLLECTION = "roles";

/** A stable, non-secret id for the person behind a personKey (the key itself never leaves the join). */
export function personIdOf(personKey: string): string {
  return createHash("sha256").update(`otc-person:${personKey}`).digest("base64url").slice(0, 22);
}

/**
 * Decides whether a join may enter its session, and with which role: the link must be signed by
 * this server, name this session, be of the session's current version, not be past its expiry, and
 * the session must exist and not have ended. A participant link gets "co-facilitator" if a
 * facilitator promoted that person (a stored document).
 */
export async function admit(options: CleanJoinOptions, deps: { storage: Storage; secret: Buffer; now: () => number }): Promise<Admission> {
  if (!options.link) return { ok: false, reason: "no-link" };
  const claim = verifyLink(deps.secret, options.link);
  if (!claim) return { ok: false, reason: "invalid-link" };
  if (claim.sessionId !== options.sessionId) return { ok: false, reason: "wrong-session" };
  const session = await deps.storage.getSession(claim.sessionId);
  if (!session) return { ok: false, reason: "unknown-session" };
  if (session.endedAt !== null) return { ok: false, reason: "session-ended" };
  if (claim.version !== session.linkVersions[claim.kind]) return { ok: false, reason: "link-replaced" };
  if (claim.expiresAt !== undefined && deps.now() > claim.expiresAt) return { ok: false, reason: "link-expired" };
  const personId = personIdOf(options.personKey);
  let role = roleOfLink(claim.kind);
  if (role === "participant") {
    const promoted = await deps.storage.getDocument<{ role?: unknown }>(session.id, ROLES_COLLECTION, personId);
    if (promoted?.body.role === "co-facilitator") role = "co-facilitator";
  }
  return { ok: true, session, role, personId, linkKind: claim.kind };
}

/**
 * The invited person behind an HTTP request about a session, also once it has ended (its survey, their
 * own certificate): a link signed by this server for this session at its current version, and a
 * well-formed person key. Null otherwise.
 */
export async function invitedPerson(
  sessionId: string,
  link: string,
  personKey: string,
  deps: { storage: Pick<Storage, "getSession">; secret: Buffer },
): Promise<{ session: SessionRecord; personId: string } | null> {
  if (!SESSION_ID_PATTERN.test(sessionId) || !PERSON_KEY_PATTERN.test(personKey)) return null;
  const claim = verifyLink(deps.secret, link);
  if (!claim || claim.sessionId !== sessionId) return null;
  const session = await deps.storage.getSession(sessionId);
  return session && claim.version === session.linkVersions[claim.kind] ? { session, personId: personIdOf(personKey) } : null;
}
