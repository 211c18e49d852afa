import type { Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { SURVEY_ANSWERS_COLLECTION, type StoredSurveyAnswer } from "../survey/survey-store.js";
import { ENGAGEMENT_STREAM } from "./contributions.js";
import { ERASED_PREFIX, forgetPerson } from "./forget-person.js";
import { mainSessionOf } from "./report-service.js";

/** Where a person's last trace in a session is looked for: past retention, that person is forgotten. */
export const RETAINED_STREAMS = [ATTENDANCE_STREAM, ENGAGEMENT_STREAM] as const;
/** Marks a survey answer already made anonymous, so a later sweep passes it by. */
const ANONYMISED = "anonymised";
/** At most this many people and survey answers per sweep; the rest waits for the next tick. */
export const SWEEP_LIMIT = 200;

export interface Swept {
  people: number;
  answers: number;
  statements: number;
}

/**
 * Makes the personal data older than its session keeps it (the session's own retention days, set in
 * the console, else `defaultDays`; neither: kept) anonymous, the counts staying: each person whose
 * last attendance or engagement in a session is that old is forgotten as on request (forget-person.ts:
 * a pseudonym, no name, email, chat text or free-text poll answer) except that their certificates
 * stay verifiable; survey answers that old lose their name and free texts (each text still counts as
 * answered). Sent xAPI statements that old are deleted (unsent ones wait to be sent). Idempotent: a
 * person forgotten has a pseudonym and an anonymised answer is marked, so a second sweep changes
 * nothing; bounded: at most `limit` people and answers per call.
 */
export async function sweepRetention(storage: Storage, now: number, defaultDays: number | null, limit = SWEEP_LIMIT): Promise<Swept> {
  const clock = { now, defaultDays };
  const out: Swept = { people: 0, answers: 0, statements: 0 };
  for (const { sessionId, personId } of await storage.expiredPeople(RETAINED_STREAMS, clock, ERASED_PREFIX, limit)) {
    // A breakout group's people are forgotten through their main session, which covers its groups under one pseudonym.
    await forgetPerson(storage, (await mainSessionOf(storage, sessionId)) ?? sessionId, personId, now, { certificates: "keep" });
    out.people++;
  }
  for (const d of await storage.expiredDocuments<StoredSurveyAnswer>([SURVEY_ANSWERS_COLLECTION], clock, ANONYMISED, limit)) {
    const answers = Object.fromEntries(Object.entries(d.body.answers).map(([id, v]) => [id, typeof v === "string" ? "" : v]));
    await storage.putDocument(d.sessionId, d.collection, d.key, { answers, [ANONYMISED]: true }, d.updatedAt);
    out.answers++;
  }
  out.statements = await storage.deleteExpiredStatements(clock);
  return out;
}

/**
 * Sweeps every `everyMs` (default hourly) and once at start, with RECORD_RETENTION_DAYS as the default
 * (null: only sessions with their own retention are swept). Reports of older sessions then keep their
 * figures under pseudonyms; certificates keep verifying.
 */
export function startRetention(deps: { storage: Storage; now: () => number; days: number | null; everyMs?: number; log: (line: string) => void }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= sweepRetention(deps.storage, deps.now(), deps.days)
      .then(
        (s) => void (s.people + s.answers + s.statements > 0 && deps.log(`retention: made ${s.people} people and ${s.answers} survey answers anonymous, deleted ${s.statements} sent statements past retention`)),
        (e: unknown) => deps.log(`retention: ${String(e)}`),
      )
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, deps.everyMs ?? 3_600_000);
  timer.unref();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
