import type { RoomLayout } from "@otc/contract";
import type { Group } from "three";
import { errorWording } from "../connection/error-text.js";
import type { Wording } from "../i18n/wording.js";
import { loadRoomLayout } from "./load-layout.js";
import { modelSize, roomForBandwidth } from "./low-bandwidth-room.js";

/** The room every server has (assets/rooms/training-room.json). */
export const DEFAULT_ROOM = "training-room";

export interface LoadedRoom {
  layout: RoomLayout;
  /** The imported model drawn as the room, placed; null for a built-in room. */
  environment: Group | null;
  /** Why the default room is shown instead of the session's, or null. */
  notice: Wording | null;
}

async function loadOne(endpoint: string, layoutId: string, onProgress: (fraction: number) => void, low: boolean): Promise<Omit<LoadedRoom, "notice">> {
  // The room file is small; the model takes most of the bar when there is one.
  let layout = await loadRoomLayout(endpoint, layoutId, (f) => onProgress(f * 0.1));
  if (low && layout.environment) layout = roomForBandwidth(layout, await modelSize(`${endpoint}/assets/${layout.environment.model}`), low);
  let environment: Group | null = null;
  if (layout.environment) {
    // three and the glTF loader stay out of the first bundle: loaded only for rooms with a model.
    const { loadEnvironment } = await import("./load-environment.js");
    environment = await loadEnvironment(endpoint, layout.environment, (f) => onProgress(0.1 + f * 0.9));
  }
  onProgress(1);
  return { layout, environment };
}

/**
 * Loads a session's room: the room file, then its imported model if it has one. A missing or
 * broken file or model must not leave a black screen: the default room is loaded instead and
 * `notice` says why. In low-bandwidth mode a large model gives way to the simple shell (low-bandwidth-room.ts).
 */
export async function loadRoom(endpoint: string, layoutId: string, onProgress: (fraction: number) => void, low = false): Promise<LoadedRoom> {
  try {
    return { ...(await loadOne(endpoint, layoutId, onProgress, low)), notice: null };
  } catch (e) {
    if (layoutId === DEFAULT_ROOM) throw e;
    const notice: Wording = { key: "room.fallback", reason: errorWording(e) };
    return { ...(await loadOne(endpoint, DEFAULT_ROOM, onProgress, low)), notice };
  }
}
