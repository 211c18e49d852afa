import type { z } from "zod";

/**
 * What a feature's own parser hands on: the parsed message, or why it was refused. The room's
 * message router (rooms/message-router.ts) parses every message with zod at the edge and never lets
 * Colyseus' `validate()` disconnect anyone: one NaN from a glitching tracker must not kick a trainee out.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

/** "h.3: must be finite; l: expected array" — paths and messages, short enough for a notice. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 4)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "(root)"}: ${i.message}`)
    .join("; ");
}
