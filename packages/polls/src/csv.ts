import type { Poll, PollAnswer } from "./poll-book.js";


/** A CSV cell: quoted, quotes doubled; a leading =, +, - or @ is prefixed with ' so a spreadsheet shows it as text. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const answerText = (poll: Poll, a: PollAnswer) =>
  a.text ?? (a.choices ?? []).map((c) => (poll.kind === "rating" ? String(c + 1) : (poll.options[c] ?? `#${c + 1}`))).join("; ");

/**
 * Every answer of every launched poll, one row each: poll, question, kind, status, person (empty
 * for anonymous polls), answer, correct (quiz only), answered at (ISO time).
 */
export function pollsCsv(polls: readonly Poll[], answersOf: (pollId: string) => readonly PollAnswer[]): string {
  const rows: (string | number)[][] = [["poll", "question", "kind", "status", "person", "answer", "correct", "answered_at"]];
  for (const poll of polls) {
    if (poll.status === "draft") continue;
    const quiz = poll.correct.length > 0;
    for (const a of answersOf(poll.id)) {
      const right = quiz ? (a.choices ?? []).join(",") === poll.correct.join(",") : null;
      rows.push([poll.id, poll.question, poll.kind, poll.status, poll.anonymous ? "" : a.name, answerText(poll, a), right === null ? "" : right ? "yes" : "no", new Date(a.at).toISOString()]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

