import { computeAttendance, type AttendanceBody, type AttendanceOptions, type PersonAttendance, type Timed } from "./attendance.js";
import { countEngagement, emptyEngagement, type Contribution, type Engagement } from "./engagement.js";

export interface ReportRow extends PersonAttendance, Engagement {
  /** Right answers over the session's quiz questions, 0..1; null when the session had none. */
  quizScore: number | null;
}

export interface SessionReport {
  start: number;
  end: number;
  durationMs: number;
  /** People who were present at some point. */
  attendees: number;
  /** Quiz questions asked in the session (closed or open). */
  quizQuestions: number;
  rows: ReportRow[];
}

export interface ReportInput extends AttendanceOptions {
  attendance: readonly Timed<AttendanceBody>[];
  contributions: Iterable<Contribution>;
  quizQuestions: number;
}

/**
 * The session's report: one row per person who joined (attendance and engagement side by side),
 * longest present first. Contributions of someone who never joined (data from before a deletion)
 * are left out.
 */
export function buildReport(input: ReportInput): SessionReport {
  const attendance = computeAttendance(input.attendance, input);
  const engagement = countEngagement(input.contributions);
  const rows = attendance.people.map((p): ReportRow => {
    const e = engagement.get(p.personId) ?? emptyEngagement();
    return { ...p, ...e, quizScore: input.quizQuestions > 0 ? e.quizRight / input.quizQuestions : null };
  });
  rows.sort((a, b) => b.presentMs - a.presentMs || a.name.localeCompare(b.name));
  return {
    start: attendance.start,
    end: attendance.end,
    durationMs: attendance.durationMs,
    attendees: rows.filter((r) => r.presentMs > 0).length,
    quizQuestions: input.quizQuestions,
    rows,
  };
}
