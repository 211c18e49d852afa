import type { MessageKey } from "@otc/i18n";
import type { Wording } from "../i18n/wording.js";
import { goneFor } from "./gone.js";
import type { ConnectionStatus } from "./session-store.js";

const STATUS_KEY: Record<ConnectionStatus, MessageKey> = {
  connected: "status.connected",
  reconnecting: "status.reconnecting",
  disconnected: "status.disconnected",
};

/**
 * The connection state's words. Disconnected usually says "reload to rejoin"; after a final notice
 * (removed, link replaced, session ended: gone.ts) it says only "Disconnected", so the line never
 * contradicts the notice beside it ("You cannot rejoin…").
 */
export function statusKey(status: ConnectionStatus, notice: Wording | string | null): MessageKey {
  return goneFor({ status, notice }) !== null ? "status.gone" : STATUS_KEY[status];
}
