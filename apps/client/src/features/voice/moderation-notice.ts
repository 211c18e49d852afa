import type { VoiceUiState } from "./voice-ui-store.js";

import type { Wording } from "../i18n/wording.js";

export const LOCKED_TEXT: Wording = { key: "voice.lockedNotice" };
export const FORCED_MUTE_TEXT: Wording = { key: "voice.forcedMuteNotice" };

type Seen = Pick<VoiceUiState, "muteLocked" | "forcedMutes" | "moderator">;

/**
 * What a person is told when a facilitator acts on their microphone: the lock (which also mutes) is
 * told as the lock; a mute by someone else as such. Moderators are not told of their own lock.
 */
export function moderationNotice(prev: Seen, next: Seen): Wording | null {
  if (next.muteLocked && !prev.muteLocked && !next.moderator) return LOCKED_TEXT;
  if (next.forcedMutes > prev.forcedMutes) return FORCED_MUTE_TEXT;
  return null;
}
