import { CAPACITY_DEFAULT, CAPACITY_MAX } from "@otc/contract";
import { seatPlacements } from "@otc/rooms";
import type { RoomLayout } from "@otc/contract";
import type { Storage } from "../../storage/storage.js";
import { ATTENDANCE_STREAM, type AttendanceEvent } from "../attendance/attendance-log.js";

/** The session's lock and capacity (one document) and its blocked people (one document each, keyed by person id). */
export const MODERATION_COLLECTION = "moderation";
export const SETTINGS_KEY = "settings";
export const BLOCKED_COLLECTION = "blocked";

export interface ModerationSettings {
  locked: boolean;
  capacity: number;
}

export interface BlockedPerson {
  name: string;
  reason: string;
}

/** A room's default capacity: its seats, or CAPACITY_DEFAULT when its file has none. */
export function defaultCapacity(layout: Pick<RoomLayout, "seats">): number {
  const seats = seatPlacements(layout).length;
  return Math.min(CAPACITY_MAX, seats > 0 ? seats : CAPACITY_DEFAULT);
}

/** Reads what the session stored: settings, blocked people, and everyone who has joined it before (attendance). */
export async function loadModeration(storage: Storage, sessionId: string, layout: Pick<RoomLayout, "seats">) {
  const stored = await storage.getDocument<Partial<ModerationSettings>>(sessionId, MODERATION_COLLECTION, SETTINGS_KEY);
  const settings: ModerationSettings = {
    locked: stored?.body.locked === true,
    capacity: typeof stored?.body.capacity === "number" ? stored.body.capacity : defaultCapacity(layout),
  };
  const blocked = await storage.listDocuments<BlockedPerson>(sessionId, BLOCKED_COLLECTION);
  const known = new Set<string>();
  for (const e of await storage.listEvents<AttendanceEvent>(sessionId, ATTENDANCE_STREAM)) if (e.body.event === "join") known.add(e.body.personId);
  return { settings, blocked: blocked.map((d) => ({ personId: d.key, ...d.body })), known };
}
