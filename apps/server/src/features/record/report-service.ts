import type { ChatEntry } from "@otc/contract";
import { isCorrect, type Poll } from "@otc/polls";
import { buildReport, type AttendanceBody, type Contribution, type SessionReport, type Timed } from "@otc/record";
import type { SessionRecord, Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { BREAKOUT_COLLECTION, type GroupDocument } from "../breakouts/breakout-service.js";
import { CHAT_COLLECTION } from "../chat/chat-room-feature.js";
import { PollStore } from "../polls/poll-store.js";
import { surveySummary } from "../survey/survey-store.js";
import { ENGAGEMENT_STREAM, type StoredContribution } from "./contributions.js";

export interface ReportDeps {
  storage: Storage;
  now: () => number;
  /** Gaps up to this long do not break a stay (the reconnection window), ms. */
  mergeGapMs: number;
}

/** The session as the report shows it, with its figures. */
export interface ReportPayload {
  session: { id: string; title: string; endedAt: number | null };
  report: SessionReport;
  /** The post-session survey: its questions and the answers added up. */
  survey: Awaited<ReturnType<typeof surveySummary>>;
}

/**
 * Computes a session's report from what storage holds (attendance and engagement events, chat and
 * poll documents): a server restart changes nothing. While the session runs, stays end now.
 */
export async function sessionReport(session: SessionRecord, deps: ReportDeps): Promise<ReportPayload> {
  const { storage } = deps;
  const [attendance, engagement, chat, survey] = await Promise.all([
    storage.listEvents<AttendanceBody>(session.id, ATTENDANCE_STREAM),
    storage.listEvents<StoredContribution>(session.id, ENGAGEMENT_STREAM),
    storage.listDocuments<{ entry: ChatEntry; deleted: boolean }>(session.id, CHAT_COLLECTION),
    surveySummary(storage, session.id),
  ]);
  const polls = new PollStore(storage, session.id);
  const [allPolls, answers] = await Promise.all([polls.polls(), polls.answers()]);
  const byId = new Map<string, Poll>(allPolls.map((p) => [p.id, p]));
  const quizzes = allPolls.filter((p) => p.correct.length > 0 && p.status !== "draft");

  const contributions: Contribution[] = engagement.map((e) => e.body);
  // A deleted message still counts: the person wrote it.
  for (const d of chat) contributions.push({ personId: d.body.entry.fromPerson, kind: "chat" });
  for (const a of answers) {
    const poll = byId.get(a.pollId);
    if (!poll) continue;
    contributions.push({ personId: a.personId, kind: "poll" });
    if (poll.correct.length > 0 && poll.status !== "draft") contributions.push({ personId: a.personId, kind: "quiz", amount: isCorrect(poll, a) ? 1 : 0 });
  }
  const breakouts = await breakoutAttendance(storage, session.id);
  const report = buildReport({
    breakouts,
    attendance,
    contributions,
    quizQuestions: quizzes.length,
    end: session.endedAt ?? deps.now(),
    mergeGapMs: deps.mergeGapMs,
  });
  return { session: { id: session.id, title: session.title, endedAt: session.endedAt }, report, survey };
}

/** The attendance of every breakout group the session ran. */
async function breakoutAttendance(storage: Storage, sessionId: string): Promise<Timed<AttendanceBody>[][]> {
  return Promise.all((await breakoutGroupIds(storage, sessionId)).map((id) => storage.listEvents<AttendanceBody>(id, ATTENDANCE_STREAM)));
}

/**
 * The sessions of the breakout groups a session ran: groups are sessions of their own, named
 * `<main>-b<run>-g<n>` (breakout-service.ts), each holding a "group" document that points back here.
 */
export async function breakoutGroupIds(storage: Storage, sessionId: string): Promise<string[]> {
  const runs = (await storage.getDocument<number>(sessionId, BREAKOUT_COLLECTION, "runs"))?.body ?? 0;
  const base = sessionId.slice(0, 36).replace(/-+$/, "");
  const out: string[] = [];
  for (let run = 1; run <= runs; run++) {
    for (let g = 1; g <= 64; g++) {
      const id = `${base}-b${run}-g${g}`;
      const doc = await storage.getDocument<GroupDocument>(id, BREAKOUT_COLLECTION, "group");
      if (!doc) break;
      if (doc.body.mainSessionId === sessionId) out.push(id);
    }
  }
  return out;
}

/** The main session of a breakout group's session, or undefined for a session that is no group. */
export async function mainSessionOf(storage: Storage, sessionId: string): Promise<string | undefined> {
  return (await storage.getDocument<GroupDocument>(sessionId, BREAKOUT_COLLECTION, "group"))?.body.mainSessionId;
}
