import { useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { word } from "../i18n/wording.js";
import { goneFor } from "./gone.js";
import { LeaveButton } from "./LeaveButton.js";
import { statusKey } from "./status-key.js";

/**
 * The connection state in words (or the room one is going to) with Leave beside it, plus the latest
 * notice from the server. Once the connection is gone for good (gone.ts) the notice is the last word:
 * centred over the dimmed room, which no longer answers clicks.
 */
export function StatusLine() {
  const t = useT();
  const status = useSessionUi((s) => s.status);
  const notice = useSessionUi((s) => s.notice);
  const goingTo = useSessionUi((s) => s.goingTo);
  const gone = useSessionUi(goneFor) !== null;
  return (
    <>
      <div className={`hud status ${status}${goingTo ? " going" : ""}`}>
        <span className="light" aria-hidden />
        <span role="status" aria-live="polite">
          {goingTo ? t("status.goingTo", { room: goingTo }) : t(statusKey(status, notice))}
        </span>
        <LeaveButton />
      </div>
      {notice && gone && (
        <div className="hud gone-backdrop">
          <div className="notice final" role="alert">
            {word(t, notice)}
          </div>
        </div>
      )}
      {notice && !gone && (
        <div className="hud notice" role="alert">
          {word(t, notice)}
        </div>
      )}
    </>
  );
}
