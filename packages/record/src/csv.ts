import type { SessionReport } from "./report.js";

/** A CSV cell: quoted, quotes doubled; a leading =, +, - or @ gets a ' so a spreadsheet shows it as text. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The columns of the report CSV, in order (documented in the package README). */
export const REPORT_CSV_COLUMNS = [
  "person_id",
  "name",
  "email",
  "role",
  "devices",
  "first_join",
  "last_leave",
  "joins",
  "minutes_present",
  "share_present",
  "onboarded",
  "hand_raises",
  "reactions",
  "chat_messages",
  "poll_answers",
  "quiz_right",
  "quiz_score",
  "board_strokes",
  "board_notes",
  "talk_seconds",
  "breakout_minutes",
] as const;

const iso = (ms: number | undefined) => (ms === undefined ? "" : new Date(ms).toISOString());

/**
 * The report as CSV, one row per person: UTF-8 with a byte-order mark (so spreadsheet programs read
 * accents right), CRLF line ends, every cell quoted. Shares are 0..1 with 3 decimals.
 */
export function reportCsv(report: SessionReport): string {
  const lines: (string | number)[][] = [[...REPORT_CSV_COLUMNS]];
  for (const r of report.rows) {
    lines.push([
      r.personId,
      r.name,
      r.email ?? "",
      r.role,
      r.devices.join(" "),
      iso(r.stays[0]?.from),
      iso(r.stays[r.stays.length - 1]?.to),
      r.joins,
      (r.presentMs / 60_000).toFixed(1),
      r.share.toFixed(3),
      r.onboarded ? "yes" : "no",
      r.hands,
      r.reactions,
      r.chat,
      r.polls,
      r.quizRight,
      r.quizScore === null ? "" : r.quizScore.toFixed(3),
      r.strokes,
      r.notes,
      Math.round(r.talkSeconds),
      (r.breakoutMs / 60_000).toFixed(1),
    ]);
  }
  return "\uFEFF" + lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
