import type { PreparedPlan } from "@otc/contract";
import type { Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { SURVEY_ANSWERS_COLLECTION, type StoredSurveyAnswer } from "../survey/survey-store.js";
import { ENGAGEMENT_STREAM } from "./contributions.js";
import { PREPARED_COLLECTION } from "../breakouts/plan-routes.js";
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
  /** Prepared breakout plans whose lists of names were emptied. */
  plans: number;
}

/**
 * Makes the personal data older than its session keeps it (the session's own retention days, set in
 * the console, else `defaultDays`; neither: kept) anonymous, the counts staying: each person whose
 * last attendance or engagement in a session is that old is forgotten as on request (forget-person.ts:
 * a pseudonym, no name, email, chat text or free-text poll answer) except that their certificates
 * stay verifiable; survey answers that old lose their name and free texts (each text still counts as
 * answered); prepared breakout plans that old lose their lists of names. People of a session whose
 * room runs now (`running`: LiveSessions) are left until it closes, however long they have been
 * there. Sent xAPI statements that old are deleted (unsent ones wait to be sent). Idempotent: a
 * person forgotten has a pseudonym and an anonymised answer is marked, so a second sweep changes
 * nothing; bounded: at most `limit` people and answers per call.
 */
export async function sweepRetention(storage: Storage, now: number, defaultDays: number | null, limit = SWEEP_LIMIT, running: Running = async () => false): Promise<Swept> {
  const clock = { now, defaultDays };
  const out: Swept = { people: 0, answers: 0, statements: 0, plans: 0 };
  for (const { sessionId, personId } of await expiredAndGone(storage, clock, limit, running)) {
    // A breakout group's people are forgotten through their main session, which covers its groups under one pseudonym.
    await forgetPerson(storage, (await mainSessionOf(storage, sessionId)) ?? sessionId, personId, now, { certificates: "keep" });
    out.people++;
  }
  for (const d of await storage.expiredDocuments<StoredSurveyAnswer>([SURVEY_ANSWERS_COLLECTION], clock, ANONYMISED, limit)) {
    const answers = Object.fromEntries(Object.entries(d.body.answers).map(([id, v]) => [id, typeof v === "string" ? "" : v]));
    await storage.putDocument(d.sessionId, d.collection, d.key, { answers, [ANONYMISED]: true }, d.updatedAt);
    out.answers++;
  }
  // A prepared breakout plan not changed within the window loses its lists of names (its groups, rooms and minutes stay);
  // not while its session's room runs, where it may be started.
  for (const d of await storage.expiredDocuments<PreparedPlan>([PREPARED_COLLECTION], clock, ANONYMISED, limit)) {
    if (await running(d.sessionId)) continue;
    const groups = d.body.groups.map((g) => ({ ...g, people: [] }));
    await storage.putDocument(d.sessionId, PREPARED_COLLECTION, d.key, { ...d.body, groups, [ANONYMISED]: true }, d.updatedAt);
    out.plans++;
  }
  out.statements = await storage.deleteExpiredStatements(clock);
  return out;
}

/** Whether a room runs this session now (LiveSessions.running); its people may be in it. */
export type Running = (sessionId: string) => Promise<boolean>;

/**
 * The people past retention, leaving out every session whose room runs now, or whose main session's
 * room does (someone there for longer than the window is not made anonymous while present; they are
 * once the room has closed). A session found running is left out of the query and the query asked
 * again, so running sessions never fill the batch and hold the others back.
 */
async function expiredAndGone(storage: Storage, clock: { now: number; defaultDays: number | null }, limit: number, running: Running) {
  const skip = new Set<string>();
  const checked = new Set<string>();
  for (;;) {
    const rows = await storage.expiredPeople(RETAINED_STREAMS, clock, ERASED_PREFIX, limit, [...skip]);
    let more = false;
    for (const sessionId of new Set(rows.map((r) => r.sessionId))) {
      if (checked.has(sessionId)) continue;
      checked.add(sessionId);
      const main = await mainSessionOf(storage, sessionId);
      if ((await running(sessionId)) || (main !== undefined && (await running(main)))) {
        skip.add(sessionId);
        more = true;
      }
    }
    if (!more) return rows;
  }
}

/**
 * Sweeps every `everyMs` (default hourly) and once at start, with RECORD_RETENTION_DAYS as the default
 * (null: only sessions with their own retention are swept). Reports of older sessions then keep their
 * figures under pseudonyms; certificates keep verifying. People of a session whose room runs wait
 * until it closes (`running`, from LiveSessions).
 */
export function startRetention(deps: { storage: Storage; now: () => number; days: number | null; everyMs?: number; running?: Running; log: (line: string) => void }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= sweepRetention(deps.storage, deps.now(), deps.days, SWEEP_LIMIT, deps.running)
      .then(
        (s) => void (s.people + s.answers + s.statements + s.plans > 0 && deps.log(`retention: made ${s.people} people, ${s.answers} survey answers and ${s.plans} breakout plans anonymous, deleted ${s.statements} sent statements past retention`)),
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
