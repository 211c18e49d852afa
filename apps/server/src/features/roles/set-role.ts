import { notice, type Notice, type SetRoleMessage } from "@otc/contract";
import { can } from "@otc/roles";
import type { Storage } from "../../storage/storage.js";
import type { Roster } from "../participants/roster.js";
import { ROLES_COLLECTION } from "../sessions/admission.js";

export interface SetRoleContext {
  roster: Roster;
  storage: Storage;
  sessionId: string;
  now: () => number;
}


/**
 * A facilitator promotes a participant to co-facilitator or demotes them. The promotion is a
 * document keyed by the person (not the connection), written durably before anyone sees the new
 * role, so it survives reconnects and server restarts. Returns a notice for the actor on refusal.
 */
export async function setRole(ctx: SetRoleContext, actorId: string, msg: SetRoleMessage): Promise<Notice | undefined> {
  const actor = ctx.roster.get(actorId);
  if (!actor || !can(actor.role, "set-role")) return notice("not-allowed");
  const target = ctx.roster.identity(msg.participantId);
  if (!target) return notice("person-gone");
  if (target.linkKind === "facilitator") return notice("role-from-link");
  try {
    await ctx.storage.putDocument(ctx.sessionId, ROLES_COLLECTION, target.personId, { role: msg.role, by: ctx.roster.identity(actorId)?.personId }, ctx.now());
  } catch {
    return notice("storage-failed");
  }
  ctx.roster.setRoleOfPerson(target.personId, msg.role);
  return undefined;
}
