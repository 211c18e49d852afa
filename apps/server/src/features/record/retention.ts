import type { Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { CHAT_COLLECTION } from "../chat/chat-room-feature.js";
import { POLL_ANSWERS_COLLECTION } from "../polls/poll-store.js";
import { SURVEY_ANSWERS_COLLECTION } from "../survey/survey-store.js";
import { ENGAGEMENT_STREAM } from "./contributions.js";

/** What retention deletes: every stored thing that names or points at a person (certificates stay, so /verify keeps confirming them). */
export const RETAINED_STREAMS = [ATTENDANCE_STREAM, ENGAGEMENT_STREAM] as const;
export const RETAINED_COLLECTIONS = [SURVEY_ANSWERS_COLLECTION, CHAT_COLLECTION, POLL_ANSWERS_COLLECTION] as const;

export interface Swept {
  events: number;
  documents: number;
  statements: number;
}

/**
 * Deletes the personal data written longer ago than its session keeps it (the session's own retention
 * days, set in the console, else `defaultDays`; neither: kept), and xAPI statements sent that long ago.
 */
export async function sweepRetention(storage: Storage, now: number, defaultDays: number | null): Promise<Swept> {
  const clock = { now, defaultDays };
  const [events, documents, statements] = await Promise.all([
    storage.deleteExpiredEvents(RETAINED_STREAMS, clock),
    storage.deleteExpiredDocuments(RETAINED_COLLECTIONS, clock),
    storage.deleteExpiredStatements(clock),
  ]);
  return { events, documents, statements };
}

/**
 * Sweeps every `everyMs` (default hourly) and once at start, with RECORD_RETENTION_DAYS as the default
 * (null: only sessions with their own retention lose data). Reports and certificates of older sessions
 * then show only what is left (nobody, for a session older than its window). Unsent xAPI statements
 * are kept until sent.
 */
export function startRetention(deps: { storage: Storage; now: () => number; days: number | null; everyMs?: number; log: (line: string) => void }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= sweepRetention(deps.storage, deps.now(), deps.days)
      .then(
        (s) => void (s.events + s.documents + s.statements > 0 && deps.log(`retention: deleted ${s.events} events, ${s.documents} documents, ${s.statements} sent statements past retention`)),
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
