import { createHash } from "node:crypto";
import XAPI, { type Statement, type Verb } from "@xapi/xapi";
import type { ReportRow, SessionReport } from "@otc/record";
import { isErased } from "../forget-person.js";

/** ADL verbs the library does not name (http://adlnet.gov/expapi/verbs/…). */
const ATTENDED: Verb = { id: "http://adlnet.gov/expapi/verbs/attended", display: { "en-US": "attended" } };
const EXITED: Verb = { id: "http://adlnet.gov/expapi/verbs/exited", display: { "en-US": "exited" } };
const MEETING = "http://adlnet.gov/expapi/activities/meeting";
const QUESTION = "http://adlnet.gov/expapi/activities/question";

export interface StatementSource {
  /** Where activity ids and person accounts live (the server's public address). */
  homePage: string;
  session: { id: string; title: string; language: string; endedAt: number };
  report: SessionReport;
  /** Whether a row earned the session's certificate, and whether a quiz pass was asked. */
  completed: (row: ReportRow) => boolean;
  quizPassSet: boolean;
  answers: readonly { personId: string; pollId: string; question: string; response: string; success: boolean | null; at: number }[];
  comments: readonly { personId: string; id: number; at: number }[];
}

/**
 * A statement id that depends only on what it says (session, person, verb, object): queuing or
 * sending it again can never make a second statement. Formatted as a UUID (name-based, version 5 bits).
 */
export function stableStatementId(...parts: string[]): string {
  const b = createHash("sha1").update(`otc-xapi:${parts.join("\u0000")}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The session's learning record as xAPI statements, one set per person who was present (the actor
 * an `mbox` where they gave an email at join, else an account on our homepage): attended
 * (with the time present), exited, completed (when they earned the certificate), passed/failed (when
 * the session asks a quiz pass), answered (each poll answer) and commented (each chat message).
 */
export function sessionStatements(src: StatementSource): { id: string; statement: Statement }[] {
  const base = src.homePage.replace(/\/+$/, "");
  const lang = src.session.language || "en";
  const sessionActivity = { objectType: "Activity" as const, id: `${base}/sessions/${src.session.id}`, definition: { name: { [lang]: src.session.title }, type: MEETING } };
  const context = { platform: "Open Training Centre", language: lang };
  const out: { id: string; statement: Statement }[] = [];
  // Someone erased (on request or by retention) is nobody an LMS could know: no statements for them.
  const rows = new Map(src.report.rows.filter((r) => r.presentMs > 0 && !isErased(r.personId)).map((r) => [r.personId, r]));
  const add = (row: ReportRow, verb: Verb, key: string, at: number, rest: Partial<Statement> = {}) => {
    const id = stableStatementId(src.session.id, row.personId, verb.id, key);
    // The email given at join (where the session asks) is how an LMS knows its learner; else an account here.
    const actor = row.email ? { objectType: "Agent" as const, name: row.name, mbox: `mailto:${row.email}` } : { objectType: "Agent" as const, name: row.name, account: { homePage: base, name: row.personId } };
    out.push({ id, statement: { id, actor, verb, object: sessionActivity, context, timestamp: iso(at), ...rest } });
  };
  for (const row of rows.values()) {
    const first = row.stays[0]!;
    const last = row.stays[row.stays.length - 1]!;
    add(row, ATTENDED, "session", first.from, { result: { duration: XAPI.calculateISO8601Duration(new Date(0), new Date(row.presentMs)) } });
    add(row, EXITED, "session", last.to);
    if (src.completed(row)) add(row, XAPI.Verbs.COMPLETED, "session", src.session.endedAt, { result: { completion: true } });
    if (src.quizPassSet) {
      const passed = src.completed(row);
      add(row, passed ? XAPI.Verbs.PASSED : XAPI.Verbs.FAILED, "quiz", src.session.endedAt, { result: { success: passed, ...(row.quizScore !== null ? { score: { scaled: row.quizScore } } : {}) } });
    }
  }
  for (const a of src.answers) {
    const row = rows.get(a.personId);
    if (!row) continue;
    const object = { objectType: "Activity" as const, id: `${sessionActivity.id}/polls/${a.pollId}`, definition: { name: { [lang]: a.question }, type: QUESTION } };
    add(row, XAPI.Verbs.ANSWERED, `poll:${a.pollId}`, a.at, {
      object,
      result: { response: a.response, ...(a.success !== null ? { success: a.success } : {}) },
      context: { ...context, contextActivities: { parent: [sessionActivity] } },
    });
  }
  for (const c of src.comments) {
    const row = rows.get(c.personId);
    if (row) add(row, XAPI.Verbs.COMMENTED, `chat:${c.id}`, c.at);
  }
  return out;
}
