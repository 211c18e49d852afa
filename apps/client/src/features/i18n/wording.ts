import type { Notice } from "@otc/contract";
import { noticeKey, type MessageKey, type Params, type Translate } from "@otc/i18n";

/**
 * A message to show later, in whatever language the page has then: a catalogue key and its
 * parameters. Stores and non-React code hold these, never worded strings.
 */
export interface Wording {
  key: MessageKey;
  params?: Params;
  /** Another message worded first and passed as the `reason` parameter (a refusal inside a sentence). */
  reason?: Wording | string;
}

/** What a notice or refusal says: its sentence; a technical detail (a field path) in brackets after it. */
export function noticeWording(notice: Notice): Wording {
  const key = noticeKey(notice.code);
  if (!key) return { key: "notice.unknown", params: { code: notice.code } };
  return notice.params ? { key, params: notice.params } : { key };
}

/** Words a wording; a plain string (from code not yet converted) is shown as it is. */
export function word(t: Translate, w: Wording | string): string {
  if (typeof w === "string") return w;
  const text = t(w.key, w.reason === undefined ? w.params : { ...w.params, reason: word(t, w.reason) });
  const detail = w.params?.["detail"];
  return detail !== undefined && detail !== "" ? t("notice.withDetail", { text, detail: String(detail) }) : text;
}

/** An error whose sentence for people is a catalogue wording; its `message` (English key and params) is for logs. */
export class WordedError extends Error {
  constructor(readonly wording: Wording) {
    super(`${wording.key} ${JSON.stringify(wording.params ?? {})}`);
  }
}
