import type { AttendanceBody } from "@otc/record";
import type { Storage } from "../../storage/storage.js";

/** Stream name of the attendance log in a session's events. */
export const ATTENDANCE_STREAM = "attendance";
/** How often a running room writes an `alive` event (ms): a crash loses at most this much of anyone's stay. */
export const ALIVE_EVERY_MS = 60_000;

export type AttendanceEvent = AttendanceBody;

/**
 * Who was in the session and when: one event per join, leave, drop and reconnect (with the
 * connection, so two tabs of one person count once), an `open` when a room starts for the session
 * and an `alive` every minute, kept for the report after the session (@otc/record reads them). A
 * failed write is logged, never thrown: attendance must not keep anyone out.
 */
export class AttendanceLog {
  constructor(
    private readonly deps: { storage: Storage; sessionId: string; now: () => number; log: (line: string) => void },
  ) {}

  record(entry: AttendanceEvent): void {
    this.deps.storage.appendEvent(this.deps.sessionId, ATTENDANCE_STREAM, entry, this.deps.now()).catch((e: unknown) => {
      this.deps.log(`attendance for ${this.deps.sessionId} not saved: ${String(e)}`);
    });
  }
}
