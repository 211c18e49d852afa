import { z } from "zod";

/** What a lenient edge schema hands to a handler: the parsed message, or why it was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

/**
 * Wraps a zod schema so Colyseus' `validate()` never fails on it.
 *
 * Colyseus 0.18 disconnects a client whose message fails its `validate()` schema. For presence that
 * is too harsh (one NaN from a glitching tracker would kick a trainee out of the session), so the
 * edge still parses every message with zod, but hands the outcome to the handler, which drops and
 * counts it instead.
 */
export function lenient<S extends z.ZodType>(schema: S) {
  return z.unknown().transform((raw): Parsed<z.output<S>> => {
    const result = schema.safeParse(raw);
    return result.success ? { ok: true, value: result.data } : { ok: false, detail: describeIssues(result.error.issues) };
  });
}

/** "h.3: must be finite; l: expected array" — paths and messages, short enough for a notice. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 4)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "(root)"}: ${i.message}`)
    .join("; ");
}
