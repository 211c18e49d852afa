import { Rejection, type RejectionCode } from "./rejections.js";
import { VoiceRefusal, type VoiceRefusalCode } from "./voice.js";
import type { Notice } from "./messages.js";

/**
 * Notices that are not refusal reasons: more precise words for a refusal (why a door is closed, why
 * a slide did not turn). The client's catalogues hold one sentence per code, under `notice.<code>`.
 */
export const NoticeDetail = {
  notPresenter: "not-presenter",
  screensFacilitatorOnly: "screens-facilitator-only",
  presenterFacilitatorOnly: "presenter-facilitator-only",
  noSuchScreen: "no-such-screen",
  noSuchDeck: "no-such-deck",
  personGone: "person-gone",
  roleFromLink: "role-from-link",
  noSuchDoor: "no-such-door",
  doorUnknownRoom: "door-unknown-room",
  doorTrainingGone: "door-training-gone",
  doorSessionEnded: "door-session-ended",
  voiceInvalid: "voice-invalid",
  noHands: "no-hands",
} as const;
export type NoticeDetailCode = (typeof NoticeDetail)[keyof typeof NoticeDetail];

export type NoticeCode = RejectionCode | VoiceRefusalCode | NoticeDetailCode;

/** Every code a notice (or a refused join or HTTP request) may carry; the catalogues word each one. */
export const NOTICE_CODES: readonly NoticeCode[] = [...Object.values(Rejection), ...Object.values(VoiceRefusal), ...Object.values(NoticeDetail)];

export type NoticeParams = Record<string, string | number>;

/** A notice to send: its code and, when the sentence needs them, its parameters. */
export function notice(code: NoticeCode, params?: NoticeParams): Notice {
  return params ? { code, params } : { code };
}
