import { ClientMessage, type DeviceKind } from "@otc/contract";
import { useEffect } from "react";
import { useSession } from "../../session-context.js";
import { thisScreenDevice } from "../touch/device-kind.js";

/** Tells the room (and the HUD) whether this person is in VR (or back on their desktop, phone or tablet), each time a session starts or ends. */
export function DeviceReporter() {
  const { room, xr, store } = useSession();
  useEffect(() => {
    let inVr = xr.store.getState().session != null;
    return xr.store.subscribe((state) => {
      const now = state.session != null;
      if (now === inVr) return;
      inVr = now;
      const device: DeviceKind = now ? "vr" : thisScreenDevice();
      // Leaving VR because the session is gone: there is no room to tell.
      if (store.getState().status !== "disconnected") room.send(ClientMessage.device, { device });
      store.getState().setInVr(now);
    });
  }, [room, xr, store]);
  return null;
}
