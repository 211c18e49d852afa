import { randomBytes } from "node:crypto";
import type { ChatEntry, PreparedPlan } from "@otc/contract";
import type { PollAnswer } from "@otc/polls";
import type { Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { PREPARED_COLLECTION } from "../breakouts/plan-routes.js";
import { CHAT_COLLECTION } from "../chat/chat-room-feature.js";
import { POLL_ANSWERS_COLLECTION } from "../polls/poll-store.js";
import { CERTIFICATES_COLLECTION, type IssuedCertificate } from "./certificates.js";
import { ENGAGEMENT_STREAM } from "./contributions.js";
import { breakoutGroupIds } from "./report-service.js";

/** The person id of someone erased starts with this; what follows is random and names nobody. */
export const ERASED_PREFIX = "erased-";
export const isErased = (personId: string) => personId.startsWith(ERASED_PREFIX);

/** What erasing one person changed, for the console's answer. */
export interface Forgotten {
  events: number;
  messages: number;
  answers: number;
  certificates: number;
  /** Entries (their name or person id) taken out of prepared breakout plans' groups. */
  plans: number;
}

export interface ForgetOptions {
  /**
   * "withdraw" (a person's request: their certificates are deleted, a code then no longer verifies) or
   * "keep" (retention: what the paper shows, name, hours and date, stays so /verify/<code> still confirms
   * a certificate someone holds; its link to the person id is cut, so it points at no report row).
   */
  certificates: "withdraw" | "keep";
}

/**
 * Erases one person from a session's record: their events (in the session and its breakout groups)
 * keep their times and kinds under one random pseudonym with no name or email (so the session's
 * counts, durations and breakout time stay), their chat messages lose author and text, their poll
 * answers their name, key and free text (choices stay counted), their name and id leave the
 * session's prepared breakout plans, and their certificates go or stay as `options` says.
 */
export async function forgetPerson(storage: Storage, sessionId: string, personId: string, now: number, options: ForgetOptions = { certificates: "withdraw" }): Promise<Forgotten> {
  const alias = `${ERASED_PREFIX}${randomBytes(6).toString("hex")}`;
  const out: Forgotten = { events: 0, messages: 0, answers: 0, certificates: 0, plans: 0 };
  const names = new Set<string>([personId]);
  for (const id of [sessionId, ...(await breakoutGroupIds(storage, sessionId))]) {
    for (const stream of [ATTENDANCE_STREAM, ENGAGEMENT_STREAM]) {
      const mine = (await storage.listEvents<Record<string, unknown>>(id, stream)).filter((e) => e.body.personId === personId);
      for (const e of mine) if (typeof e.body.name === "string" && e.body.name) names.add(e.body.name);
      await storage.rewriteEvents(id, mine.map((e) => ({ id: e.id, body: anonymous(e.body, alias) })));
      out.events += mine.length;
    }
  }
  for (const d of await storage.listDocuments<{ entry: ChatEntry; deleted: boolean }>(sessionId, CHAT_COLLECTION)) {
    if (d.body.entry.fromPerson !== personId) continue;
    await storage.putDocument(sessionId, CHAT_COLLECTION, d.key, { ...d.body, entry: { ...d.body.entry, fromPerson: alias, fromId: "", name: "", text: "" }, deleted: true }, now);
    out.messages++;
  }
  for (const d of await storage.listDocuments<PollAnswer>(sessionId, POLL_ANSWERS_COLLECTION)) {
    if (d.body.personId !== personId) continue;
    await storage.putDocument(sessionId, POLL_ANSWERS_COLLECTION, `${d.body.pollId}~${alias}`, { ...d.body, personId: alias, name: "", ...(d.body.text !== undefined ? { text: "" } : {}) }, now);
    await storage.deleteDocument(sessionId, POLL_ANSWERS_COLLECTION, d.key);
    out.answers++;
  }
  out.plans = await dropFromPlans(storage, sessionId, (entry) => [...names].some((n) => planKey(n) === planKey(entry)));
  for (const d of await storage.listDocuments<IssuedCertificate>(sessionId, CERTIFICATES_COLLECTION)) {
    if (d.body.personId !== personId) continue;
    if (options.certificates === "keep") await storage.putDocument(sessionId, CERTIFICATES_COLLECTION, d.key, { ...d.body, personId: "" }, d.updatedAt);
    else await storage.deleteDocument(sessionId, CERTIFICATES_COLLECTION, d.key);
    out.certificates++;
  }
  return out;
}

/** How a plan entry is matched to a person (as @otc/breakouts' assignPrepared does): trimmed, any case. */
const planKey = (s: string) => s.trim().toLocaleLowerCase();

/**
 * Takes the entries `drop` picks out of every group of the session's prepared breakout plans; returns
 * how many went. A plan keeps the time it was last changed by a facilitator, so taking a name out does
 * not put off the retention of the others.
 */
export async function dropFromPlans(storage: Storage, sessionId: string, drop: (entry: string) => boolean): Promise<number> {
  let n = 0;
  for (const d of await storage.listDocuments<PreparedPlan>(sessionId, PREPARED_COLLECTION)) {
    const groups = d.body.groups.map((g) => ({ ...g, people: g.people.filter((p) => !drop(p)) }));
    const gone = d.body.groups.reduce((s, g, i) => s + g.people.length - groups[i]!.people.length, 0);
    if (gone === 0) continue;
    await storage.putDocument(sessionId, PREPARED_COLLECTION, d.key, { ...d.body, groups }, d.updatedAt);
    n += gone;
  }
  return n;
}

/** An event body under the alias, without what names the person (name, email). */
function anonymous(body: Record<string, unknown>, alias: string): Record<string, unknown> {
  const { email: _email, ...rest } = body;
  return { ...rest, personId: alias, ...("name" in body ? { name: "" } : {}) };
}
