import { parseSessionBrand, withSessionBrand } from "@otc/rooms";
import { AvatarRegistry } from "../avatars/avatar-registry.js";
import { LocalRig, EYE_HEIGHT } from "../locomotion/local-rig.js";
import { arrivalPoint, type Arrival } from "../portals/arrival.js";
import { PresenceReceiver } from "../presence/presence-receiver.js";
import { loadRoom } from "../room/load-room.js";
import type { Session } from "../../session-context.js";
import { joinTrainingRoom, type JoinRequest } from "./join-room.js";
import { thisScreenDevice } from "../touch/device-kind.js";

/** Another session to move to inside this page: a door's answer today, a breakout room later. */
export interface RoomInvitation {
  sessionId: string;
  /** Signed invitation token (the `k` of the link). */
  link: string;
  /** What to call it while going ("Going to <title>…"). */
  title: string;
}

/** How the move was started, for where one stands after it and for the benchmark. */
export interface SwitchHow {
  /** `performance.now()` when the person asked (doorway dwell reached, door clicked). */
  startedAt?: number;
  /** Put the address of the new room in a new history entry (Back returns); false replaces it. Default true. */
  push?: boolean;
  /** The room (layout id) the invitation most likely shows (a door's `to`): its file is fetched while joining. */
  room?: string;
}

/** One room switch of this page, for the test hooks and the benchmark (ms, `performance.now()`). */
export interface RoomSwitchRecord {
  from: string;
  to: string;
  startedAt: number;
  /** The switch was asked for (a door: the server's answer arrived). */
  askedAt: number;
  /** The next room's first state arrived (the seat is ours). */
  connectedAt: number;
  /** The next session is built (room file loaded, voice handed over) and about to be shown. */
  joinedAt: number;
  /** The next room's first frame; null until it is drawn. */
  firstFrameAt: number | null;
}

/** In VR the head is placed at the arrival on the next room's first frames (see portals/RoomArrival.tsx). */
export interface PendingArrival extends Arrival {
  placed: boolean;
}

/**
 * Joins `to` beside the session `from` and builds the next session from it: the new room and its
 * layout, a new presence decoder, avatars and rig (standing at the door back to where one came from,
 * or at the server's spawn), and voice handed over to the new room with the same microphone. The XR
 * store, the UI store, the in-world UI and the counters are kept: the 3D view and the XR session go on.
 * `from` is left untouched: if this throws (a refused join), the person is still in it. The caller
 * shows the result, then leaves `from.room` and releases `from.voice`.
 */
export async function enterRoom(from: Session, to: RoomInvitation, how: SwitchHow = {}, marks: { connectedAt?: number } = {}): Promise<Session> {
  const presence = new PresenceReceiver();
  const request: JoinRequest = { ...from.request, sessionId: to.sessionId, link: to.link, device: from.store.getState().inVr ? "vr" : thisScreenDevice() };
  const early = how.room ? loadRoom(from.endpoint, how.room, () => undefined, from.request.bandwidth === "low").catch(() => null) : null;
  const room = await joinTrainingRoom(from.endpoint, request, (frame) => presence.enqueue(frame, performance.now()));
  marks.connectedAt = performance.now();
  let voice: Session["voice"] | null = null;
  try {
    voice = from.voice.handOver(room); // before any peer of the new room can call
    void voice.start();
    const guessed = early && room.state.roomLayout === how.room ? await early : null;
    const loaded = guessed ?? (await loadRoom(from.endpoint, room.state.roomLayout, () => undefined, from.request.bandwidth === "low"));
    const brand = room.state.brand;
    const layout = withSessionBrand(loaded.layout, parseSessionBrand(brand));
    voice.setLayout(layout);
    const rig = new LocalRig(layout, room.state.participants.get(room.sessionId)?.spawn ?? 0);
    const at = arrivalPoint(layout, from.roomLayout.id);
    if (at) standAt(rig, at);
    rig.teleported = true; // the first pose in the new room is a jump, not a walk from the spawn
    if (loaded.notice) from.store.getState().setNotice(loaded.notice);
    return {
      ...from,
      room,
      request,
      sessionId: to.sessionId,
      selfId: room.sessionId,
      layout,
      roomLayout: loaded.layout,
      brand,
      environment: loaded.environment,
      presence,
      rig,
      avatars: new AvatarRegistry(),
      voice,
      arrival: at ? { ...at, placed: false } : null,
    };
  } catch (e) {
    voice?.release();
    void room.leave(true);
    throw e;
  }
}

/** The desktop view (and where VR's origin goes first) at the arrival, looking into the room. */
function standAt(rig: LocalRig, at: Arrival): void {
  rig.desktopHead.set(at.x, EYE_HEIGHT + rig.followFloor(at.x, at.z, 1), at.z);
  rig.yaw = at.yaw;
  rig.pitch = 0;
  rig.head = { p: [at.x, rig.desktopHead.y, at.z], q: [0, Math.sin(at.yaw / 2), 0, Math.cos(at.yaw / 2)] };
}
