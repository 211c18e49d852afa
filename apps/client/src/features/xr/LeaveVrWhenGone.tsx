import { useEffect } from "react";
import { useSession } from "../../session-context.js";
import { closedBy } from "../connection/leave-session.js";

/**
 * When the connection is gone for good (the session was ended, or rejoining gave up), a person in
 * the headset would stay in a frozen room with nothing to do: end the XR session, so the browser
 * shows the page again with its "Disconnected" line and the reason (the session ended). The notice
 * also shows in VR for the moment before the session closes.
 */
export function LeaveVrWhenGone() {
  const { xr, store, worldUi } = useSession();
  useEffect(() => {
    const leave = () => {
      const s = store.getState();
      if (s.status !== "disconnected") return;
      // The session ended or the person left it: the survey offered in VR (survey/SurveyAtEndVr.tsx) ends the XR session once answered or skipped.
      if (worldUi.holdExit && closedBy(s) !== null) return;
      void xr.store.getState().session?.end().catch(() => undefined); // already ending: nothing to do
    };
    leave();
    const offStatus = store.subscribe((s, prev) => s.status !== prev.status && leave());
    // Entering VR after a disconnection (the Enter VR button stays unless the connection is gone for good) gets the same answer.
    const offXr = xr.store.subscribe((s, prev) => s.session !== prev.session && leave());
    return () => (offStatus(), offXr());
  }, [xr, store, worldUi]);
  return null;
}
