import { computeAttendance, mergeStays, type AttendanceBody, type AttendanceOptions, type PersonAttendance, type Timed } from "./attendance.js";
import { countEngagement, emptyEngagement, type Contribution, type Engagement } from "./engagement.js";

export interface ReportRow extends PersonAttendance, Engagement {
  /** Right answers over the session's quiz questions, 0..1; null when the session had none. */
  quizScore: number | null;
  /** Time in breakout groups, ms (also counted in presentMs: a person in a group is still in the training). */
  breakoutMs: number;
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
  /** Each breakout group's attendance events (its own session's stream), if the session had any. */
  breakouts?: readonly (readonly Timed<AttendanceBody>[])[];
}

/**
 * The session's report: one row per person who joined (attendance and engagement side by side),
 * longest present first. Contributions of someone who never joined (data from before a deletion)
 * are left out.
 */
export function buildReport(input: ReportInput): SessionReport {
  const attendance = computeAttendance(input.attendance, input);
  const engagement = countEngagement(input.contributions);
  // A group's stays, clipped to the main session, join the person's stays in the main room.
  const inGroups = new Map<string, { from: number; to: number }[]>();
  for (const group of input.breakouts ?? []) {
    for (const p of computeAttendance(group, { end: attendance.end, mergeGapMs: input.mergeGapMs }).people) {
      inGroups.set(p.personId, [...(inGroups.get(p.personId) ?? []), ...p.stays]);
    }
  }
  const sum = (stays: readonly { from: number; to: number }[]) => stays.reduce((n, s) => n + (s.to - s.from), 0);
  const rows = attendance.people.map((p): ReportRow => {
    const e = engagement.get(p.personId) ?? emptyEngagement();
    const groupStays = inGroups.get(p.personId) ?? [];
    const breakoutMs = sum(mergeStays(groupStays, 0, attendance.start, attendance.end));
    const stays = groupStays.length ? mergeStays([...p.stays, ...groupStays], input.mergeGapMs, attendance.start, attendance.end) : p.stays;
    const presentMs = sum(stays);
    const share = attendance.durationMs > 0 ? Math.min(1, presentMs / attendance.durationMs) : 0;
    return { ...p, ...e, stays, presentMs, share, breakoutMs, quizScore: input.quizQuestions > 0 ? e.quizRight / input.quizQuestions : null };
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
