import { useSessionUi } from "../../session-context.js";
import type { ConnectionStatus } from "./session-store.js";

export const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connected: "Connected",
  reconnecting: "Reconnecting…",
  disconnected: "Disconnected — reload to rejoin",
};

/** Said while the page moves to another room (a door): the room's title. */
export const goingToText = (room: string) => `Going to ${room}…`;

/** The connection state in words (or the room one is going to), plus the latest notice from the server. */
export function StatusLine() {
  const status = useSessionUi((s) => s.status);
  const notice = useSessionUi((s) => s.notice);
  const goingTo = useSessionUi((s) => s.goingTo);
  return (
    <>
      <div className={`hud status ${status}${goingTo ? " going" : ""}`} role="status" aria-live="polite">
        <span className="light" aria-hidden />
        <span>{goingTo ? goingToText(goingTo) : STATUS_TEXT[status]}</span>
      </div>
      {notice && (
        <div className="hud notice" role="alert">
          {notice}
        </div>
      )}
    </>
  );
}
