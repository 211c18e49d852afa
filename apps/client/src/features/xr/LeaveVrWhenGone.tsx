import { useEffect } from "react";
import { useSession } from "../../session-context.js";

/**
 * When the connection is gone for good (the session was ended, or rejoining gave up), a person in
 * the headset would stay in a frozen room with nothing to do: end the XR session, so the browser
 * shows the page again with its "Disconnected" line and the reason (the session ended). The notice
 * also shows in VR for the moment before the session closes.
 */
export function LeaveVrWhenGone() {
  const { xr, store } = useSession();
  useEffect(() => {
    const leave = () => {
      if (store.getState().status !== "disconnected") return;
      void xr.store.getState().session?.end().catch(() => undefined); // already ending: nothing to do
    };
    leave();
    const offStatus = store.subscribe((s, prev) => s.status !== prev.status && leave());
    // Entering VR after the end (the Enter VR button is still on the page) gets the same answer.
    const offXr = xr.store.subscribe((s, prev) => s.session !== prev.session && leave());
    return () => (offStatus(), offXr());
  }, [xr, store]);
  return null;
}
