import { NOTICE_CODES, type NoticeCode } from "@otc/contract";
import type { MessageKey } from "./catalogues.js";

/** The catalogue key that words a notice or refusal code; null for a code this page does not know. */
export function noticeKey(code: string): MessageKey | null {
  return (NOTICE_CODES as readonly string[]).includes(code) ? (`notice.${code as NoticeCode}` as MessageKey) : null;
}
