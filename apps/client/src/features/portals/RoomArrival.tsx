import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { teleportTo } from "../locomotion/teleport.js";
import { turnOriginAboutHead } from "../locomotion/vr-pose.js";
import { yawOf } from "../locomotion/walkable.js";
import { Vector3 } from "three";

/**
 * Mounted once per room (keyed by session in Experience): on the room's first frame it notes the
 * time (the room-switch benchmark's end), and in VR, after a door, it turns and moves the XR origin
 * so the head stands at the arrival point facing into the room (the tracked offset from the origin
 * is whatever the person's play space makes it, so the origin alone cannot be placed beforehand).
 * On the desktop the switch already put the view there.
 */
export function RoomArrival() {
  const { rig, layout, arrival, counters, xr } = useSession();
  const first = useRef(true);
  useFrame(() => {
    if (first.current) {
      first.current = false;
      const last = counters.roomSwitches.at(-1);
      if (last && last.firstFrameAt === null) last.firstFrameAt = performance.now();
    }
    if (!arrival || arrival.placed) return;
    if (!xr.store.getState().session) {
      arrival.placed = true; // desktop: placed by the switch
      return;
    }
    const origin = rig.origin;
    if (!origin) return;
    turnOriginAboutHead(origin, rig.head.p[0], rig.head.p[2], arrival.yaw - yawOf(rig.head.q));
    teleportTo(rig, new Vector3(arrival.x, 0, arrival.z), layout.walkable);
    arrival.placed = true;
  }, FrameOrder.arrive);
  return null;
}
