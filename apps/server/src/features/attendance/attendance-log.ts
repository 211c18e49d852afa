import type { DeviceKind, Role } from "@otc/contract";
import type { Storage } from "../../storage/storage.js";

/** Stream name of the attendance log in a session's events. */
export const ATTENDANCE_STREAM = "attendance";

export interface AttendanceEvent {
  /** "onboarded": the person finished the guided onboarding (written once, by features/onboarding). */
  event: "join" | "leave" | "onboarded";
  personId: string;
  name: string;
  role: Role;
  device: DeviceKind;
}

/**
 * Who was in the session and when: one event per join and leave, kept for the report after the
 * session. A failed write is logged, never thrown: attendance must not keep anyone out.
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
