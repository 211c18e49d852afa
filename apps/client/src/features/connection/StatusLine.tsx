import { useSessionUi } from "../../session-context.js";
import type { ConnectionStatus } from "./session-store.js";

export const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connected: "Connected",
  reconnecting: "Reconnecting…",
  disconnected: "Disconnected — reload to rejoin",
};

/** The connection state in words, plus the latest notice from the server. */
export function StatusLine() {
  const status = useSessionUi((s) => s.status);
  const notice = useSessionUi((s) => s.notice);
  return (
    <>
      <div className={`hud status ${status}`} role="status" aria-live="polite">
        <span className="light" aria-hidden />
        <span>{STATUS_TEXT[status]}</span>
      </div>
      {notice && (
        <div className="hud notice" role="alert">
          {notice}
        </div>
      )}
    </>
  );
}
