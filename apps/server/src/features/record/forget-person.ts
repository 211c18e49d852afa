import { randomBytes } from "node:crypto";
import type { ChatEntry } from "@otc/contract";
import type { PollAnswer } from "@otc/polls";
import type { Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { CHAT_COLLECTION } from "../chat/chat-room-feature.js";
import { POLL_ANSWERS_COLLECTION } from "../polls/poll-store.js";
import { CERTIFICATES_COLLECTION, type IssuedCertificate } from "./certificates.js";
import { ENGAGEMENT_STREAM } from "./contributions.js";

/** What erasing one person changed, for the console's answer. */
export interface Forgotten {
  events: number;
  messages: number;
  answers: number;
  certificates: number;
}

/**
 * Erases one person from a session's record on request: their events keep their times and kinds under
 * a random pseudonym with no name (so the session's counts and durations stay), their chat messages
 * lose author and text, their poll answers their name and key, and their certificates are withdrawn
 * (a code then no longer verifies).
 */
export async function forgetPerson(storage: Storage, sessionId: string, personId: string, now: number): Promise<Forgotten> {
  const alias = `erased-${randomBytes(6).toString("hex")}`;
  const out: Forgotten = { events: 0, messages: 0, answers: 0, certificates: 0 };
  for (const stream of [ATTENDANCE_STREAM, ENGAGEMENT_STREAM]) {
    const mine = (await storage.listEvents<Record<string, unknown>>(sessionId, stream)).filter((e) => e.body.personId === personId);
    await storage.rewriteEvents(sessionId, mine.map((e) => ({ id: e.id, body: { ...e.body, personId: alias, ...("name" in e.body ? { name: "" } : {}) } })));
    out.events += mine.length;
  }
  for (const d of await storage.listDocuments<{ entry: ChatEntry; deleted: boolean }>(sessionId, CHAT_COLLECTION)) {
    if (d.body.entry.fromPerson !== personId) continue;
    await storage.putDocument(sessionId, CHAT_COLLECTION, d.key, { ...d.body, entry: { ...d.body.entry, fromPerson: alias, fromId: "", name: "", text: "" }, deleted: true }, now);
    out.messages++;
  }
  for (const d of await storage.listDocuments<PollAnswer>(sessionId, POLL_ANSWERS_COLLECTION)) {
    if (d.body.personId !== personId) continue;
    await storage.putDocument(sessionId, POLL_ANSWERS_COLLECTION, `${d.body.pollId}~${alias}`, { ...d.body, personId: alias, name: "" }, now);
    await storage.deleteDocument(sessionId, POLL_ANSWERS_COLLECTION, d.key);
    out.answers++;
  }
  for (const d of await storage.listDocuments<IssuedCertificate>(sessionId, CERTIFICATES_COLLECTION)) {
    if (d.body.personId !== personId) continue;
    await storage.deleteDocument(sessionId, CERTIFICATES_COLLECTION, d.key);
    out.certificates++;
  }
  return out;
}
