import type { Session } from "../../session-context.js";
import type { SessionUiState } from "./session-store.js";

/**
 * Leaves the session on purpose (the desktop Leave and the hand menu's Leave now share it). The leave
 * is consented, so the server records the person as having left (not a dropped connection it keeps a
 * seat for), and the page does not rejoin. The notice is set before the status, so whoever reacts to
 * "disconnected" (the survey, LeaveVrWhenGone) reads why: a participant with a survey to answer is
 * offered it, in VR on a panel in front of them, before the headset view closes.
 */
export async function leaveSession(session: Pick<Session, "room" | "store" | "voice">): Promise<void> {
  const ui = session.store.getState();
  if (ui.status === "disconnected") return;
  ui.setNotice({ key: "leave.left" });
  ui.setStatus("disconnected");
  await session.room.leave(true).catch(() => undefined); // already closed: nothing more to do
  session.voice.close(); // the microphone goes with the room
}

/** Why the page is out of the session for good: the session ended, or the person left it; null otherwise. */
export function closedBy(s: Pick<SessionUiState, "status" | "notice">): "ended" | "left" | null {
  if (s.status !== "disconnected" || typeof s.notice !== "object" || s.notice === null) return null;
  return s.notice.key === "notice.session-ended" ? "ended" : s.notice.key === "leave.left" ? "left" : null;
}
