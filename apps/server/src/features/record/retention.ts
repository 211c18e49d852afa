import type { Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { CHAT_COLLECTION } from "../chat/chat-room-feature.js";
import { POLL_ANSWERS_COLLECTION } from "../polls/poll-store.js";
import { SURVEY_ANSWERS_COLLECTION } from "../survey/survey-store.js";
import { ENGAGEMENT_STREAM } from "./contributions.js";

const DAY = 86_400_000;
/** What retention deletes: every stored thing that names or points at a person (certificates stay, so /verify keeps confirming them). */
export const RETAINED_STREAMS = [ATTENDANCE_STREAM, ENGAGEMENT_STREAM] as const;
export const RETAINED_COLLECTIONS = [SURVEY_ANSWERS_COLLECTION, CHAT_COLLECTION, POLL_ANSWERS_COLLECTION] as const;

export interface Swept {
  events: number;
  documents: number;
  statements: number;
}

/** Deletes the personal data written more than `days` days before `now`, and xAPI statements sent that long ago. */
export async function sweepRetention(storage: Storage, now: number, days: number): Promise<Swept> {
  const before = now - days * DAY;
  const [events, documents, statements] = await Promise.all([
    storage.deleteEventsBefore(RETAINED_STREAMS, before),
    storage.deleteDocumentsBefore(RETAINED_COLLECTIONS, before),
    storage.deleteSentStatementsBefore(before),
  ]);
  return { events, documents, statements };
}

/**
 * RECORD_RETENTION_DAYS: sweeps every `everyMs` (default hourly) and once at start. Reports and
 * certificates of older sessions then show only what is left (nobody, for a session older than the
 * window). Unsent xAPI statements are kept until sent.
 */
export function startRetention(deps: { storage: Storage; now: () => number; days: number; everyMs?: number; log: (line: string) => void }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= sweepRetention(deps.storage, deps.now(), deps.days)
      .then(
        (s) => void (s.events + s.documents + s.statements > 0 && deps.log(`retention: deleted ${s.events} events, ${s.documents} documents, ${s.statements} sent statements older than ${deps.days} days`)),
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
