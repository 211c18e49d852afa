import type { SessionUiState } from "./session-store.js";

/** Why the connection is gone for good: reloading cannot bring the person back. */
export type GoneReason = "removed" | "link-replaced" | "session-ended";

/** The last words after which the page is out of the session for good, and why. */
const FINAL_NOTICES: ReadonlyMap<string, GoneReason> = new Map<string, GoneReason>([
  ["notice.removed", "removed"],
  ["notice.link-replaced", "link-replaced"],
  ["notice.session-ended", "session-ended"],
]);

/** Why this page is out of the session for good (disconnected after a final notice); null while it is in, or may come back. */
export function goneFor(s: Pick<SessionUiState, "status" | "notice">): GoneReason | null {
  if (s.status !== "disconnected" || typeof s.notice !== "object" || s.notice === null) return null;
  return FINAL_NOTICES.get(s.notice.key) ?? null;
}

/** What a page still shows besides the status line, the final notice and the language menu. */
export interface ShownWhenGone {
  /** The room's panels and tools: people, chat, boards, voice, hands and reactions, onboarding, Enter VR. */
  room: boolean;
  /** The post-session survey and the person's certificate. */
  survey: boolean;
}

/**
 * Once gone, nothing on the page may look as if the person could still act in the room. Only the end
 * of a session keeps the survey and certificate: a replaced link no longer opens the survey (the
 * server refuses an old link), and a person a facilitator removed is not asked for feedback.
 */
export function shownWhenGone(reason: GoneReason | null): ShownWhenGone {
  if (reason === null) return { room: true, survey: true };
  return { room: false, survey: reason === "session-ended" };
}
