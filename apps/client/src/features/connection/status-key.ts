import type { MessageKey } from "@otc/i18n";
import type { Wording } from "../i18n/wording.js";
import type { ConnectionStatus } from "./session-store.js";

const STATUS_KEY: Record<ConnectionStatus, MessageKey> = {
  connected: "status.connected",
  reconnecting: "status.reconnecting",
  disconnected: "status.disconnected",
};

/** Last words after which reloading cannot bring the person back: removed, link replaced, session ended. */
const FINAL_NOTICES: ReadonlySet<string> = new Set<MessageKey>(["notice.removed", "notice.link-replaced", "notice.session-ended"]);

/**
 * The connection state's words. Disconnected usually says "reload to rejoin"; after a final notice
 * it says only "Disconnected", so the line never contradicts the notice beside it ("You cannot rejoin…").
 */
export function statusKey(status: ConnectionStatus, notice: Wording | string | null): MessageKey {
  if (status === "disconnected" && notice !== null && typeof notice !== "string" && FINAL_NOTICES.has(notice.key)) return "status.gone";
  return STATUS_KEY[status];
}
