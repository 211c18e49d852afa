import { useState } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { leaveSession } from "./leave-session.js";

/** Leave on the desktop page, asked twice (Leave, then Leave now or Cancel); the hand menu's Me tab has the same in VR. */
export function LeaveButton() {
  const t = useT();
  const session = useSession();
  const connected = useSessionUi((s) => s.status !== "disconnected");
  const [asking, setAsking] = useState(false);
  if (!connected) return null;
  if (!asking) {
    return (
      <button type="button" className="leave" onClick={() => setAsking(true)}>
        {t("leave.button")}
      </button>
    );
  }
  return (
    <span className="leave-confirm" role="group" aria-label={t("leave.confirm")}>
      {t("leave.confirm")}
      <button type="button" className="leave danger" onClick={() => void leaveSession(session)}>
        {t("leave.now")}
      </button>
      <button type="button" className="leave" onClick={() => setAsking(false)}>
        {t("leave.cancel")}
      </button>
    </span>
  );
}
