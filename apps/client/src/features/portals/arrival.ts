import { DOORWAY } from "@otc/rooms";

const DEG = Math.PI / 180;
/** How far in front of the door one arrives, metres: past its doorway, so one does not walk straight back. */
export const ARRIVAL_DISTANCE = DOORWAY.depth + 0.8;

/** Where a person stands after a door: a floor point and the way they face (yaw, radians; 0 looks along −z). */
export interface Arrival {
  x: number;
  z: number;
  yaw: number;
}

interface DoorLike {
  position: readonly number[];
  yawDeg: number;
  to: string;
}
interface RoomLike {
  portals: readonly DoorLike[];
  walkable: { minX: number; maxX: number; minZ: number; maxZ: number };
}

/**
 * Where one arrives in `room` coming from the room `fromRoom` (a room id): in front of the door
 * that leads back there, facing away from it, into the room, as if one had just stepped through.
 * Null when no door of the room leads back (the server's spawn point is used then).
 */
export function arrivalPoint(room: RoomLike, fromRoom: string): Arrival | null {
  const door = room.portals.find((p) => p.to === fromRoom);
  if (!door) return null;
  const yaw = door.yawDeg * DEG;
  // A door faces +z turned by its yaw: step out along that direction.
  const w = room.walkable;
  const margin = 0.3;
  const x = clamp(door.position[0]! + Math.sin(yaw) * ARRIVAL_DISTANCE, w.minX + margin, w.maxX - margin);
  const z = clamp(door.position[2]! + Math.cos(yaw) * ARRIVAL_DISTANCE, w.minZ + margin, w.maxZ - margin);
  // Looking along the door's facing: the view's yaw is measured from −z, the door's from +z.
  return { x, z, yaw: normalise(yaw + Math.PI) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

function normalise(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}
