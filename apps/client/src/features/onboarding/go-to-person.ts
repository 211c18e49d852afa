import { Vector3 } from "three";
import type { Session } from "../../session-context.js";
import { teleportTo } from "../locomotion/teleport.js";
import { clampToWalkable } from "../locomotion/walkable.js";

/** How far from the person a facilitator arrives, metres: near enough to talk, not inside them. */
const BESIDE = 1.2;

/**
 * Brings this page's person (a facilitator, on their own click or press) next to another person:
 * where their avatar's head is now, stopping a little short on the way from here. VR moves the XR
 * origin as a teleport does; desktop moves the view's head. False when that person is not placed.
 */
export function goToPerson(session: Session, connectionId: string): boolean {
  const { room, presence, rig, layout, store } = session;
  const slot = room.state.participants?.get(connectionId)?.slot;
  if (slot === undefined) return false;
  const pose = presence.sample(slot, performance.now());
  if (!pose) return false;
  const [tx, , tz] = pose.head.p;
  const [hx, , hz] = rig.head.p;
  const d = Math.hypot(hx - tx, hz - tz) || 1;
  const [x, z] = clampToWalkable(tx + ((hx - tx) / d) * BESIDE, tz + ((hz - tz) / d) * BESIDE, layout.walkable);
  if (store.getState().inVr) {
    teleportTo(rig, new Vector3(x, 0, z), layout.walkable);
  } else {
    rig.walkTarget = null;
    rig.desktopHead.set(x, rig.desktopHead.y, z);
    rig.yaw = Math.atan2(-(tx - x), -(tz - z)); // face them (yaw 0 looks along −z)
    rig.teleported = true;
  }
  return true;
}
