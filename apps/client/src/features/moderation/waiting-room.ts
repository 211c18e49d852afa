import { WAITING_ROOM_CODE } from "@otc/contract";

/** How long someone has waited, for the waiting-room line ("12 s", "3 min": units read alike in EN/FR/ES). */
export function waitedText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

/** True when a join was held in the waiting room (the page asks again; it was not refused). */
export function isWaiting(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === WAITING_ROOM_CODE;
}
