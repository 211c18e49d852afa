import { WAITING_ROOM_CODE } from "@otc/contract";

export const WAITING_TEXT = {
  waiting: (seconds: number) =>
    `This session is locked. You are in the waiting room: a facilitator will let you in. (waiting ${seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`})`,
} as const;

/** True when a join was held in the waiting room (the page asks again; it was not refused). */
export function isWaiting(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === WAITING_ROOM_CODE;
}
