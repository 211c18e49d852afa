import { DEVICE_KINDS, SESSION_ENDED_CODE, ServerMessage, noticeSchema, ROLES, type DeviceKind, type Role, type TrainingState } from "@otc/contract";
import { noticeWording } from "../i18n/wording.js";
import { shouldRejoin } from "./rejoin.js";
import type { TrainingRoom } from "./join-room.js";
import { sameParticipants, type ParticipantView, type SessionStore } from "./session-store.js";

function asDevice(d: string): DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(d) ? (d as DeviceKind) : "desktop";
}

function asRole(r: string): Role {
  return (ROLES as readonly string[]).includes(r) ? (r as Role) : "participant";
}

/** Plain, sorted copy of the participants map (join order, then id). */
export function participantViews(state: TrainingState): ParticipantView[] {
  const out: ParticipantView[] = [];
  state.participants.forEach((p, id) => {
    out.push({ id, name: p.name, colour: p.colour, device: asDevice(p.device), role: asRole(p.role), connected: p.connected, slot: p.slot });
  });
  return out.sort((a, b) => a.slot - b.slot || a.id.localeCompare(b.id));
}

/**
 * Mirrors the room's discrete state and connection lifecycle into the session store: participants
 * on every patch, "Reconnecting…" while the SDK retries a dropped socket, notices from the server.
 * When the seat is gone (server restart, window passed) it hands over to `onLost`, which joins again.
 * Returns a function that detaches every listener.
 */
/** `noticeMs`: how long a notice stays up (6 s, times the person's chosen hint time). */
export function wireRoom(room: TrainingRoom, store: SessionStore, onLost: () => void, noticeMs: () => number = () => 6000): () => void {
  const sync = (state: TrainingState) => {
    const next = participantViews(state);
    if (!sameParticipants(next, store.getState().participants)) store.getState().setParticipants(next);
  };
  sync(room.state);
  let noticeTimer = 0;
  const onDrop = () => store.getState().setStatus("reconnecting");
  const onReconnect = () => store.getState().setStatus("connected");
  const onLeave = (code: number) => {
    if (shouldRejoin(code)) return onLost();
    // The reason first: whoever reacts to the status (LeaveVrWhenGone, the survey) reads why.
    if (code === SESSION_ENDED_CODE) store.getState().setNotice({ key: "notice.session-ended" });
    store.getState().setStatus("disconnected");
  };
  room.onStateChange(sync);
  room.onDrop(onDrop);
  room.onReconnect(onReconnect);
  room.onLeave(onLeave);
  const offNotice = room.onMessage(ServerMessage.notice, (payload: unknown) => {
    const notice = noticeSchema.safeParse(payload);
    if (!notice.success) return;
    store.getState().setNotice(noticeWording(notice.data));
    window.clearTimeout(noticeTimer);
    // The last word before a disconnection (removed by a facilitator, link replaced) stays on screen.
    noticeTimer = window.setTimeout(() => store.getState().status !== "disconnected" && store.getState().setNotice(null), noticeMs());
  });
  return () => {
    window.clearTimeout(noticeTimer);
    room.onStateChange.remove(sync);
    room.onDrop.remove(onDrop);
    room.onReconnect.remove(onReconnect);
    room.onLeave.remove(onLeave);
    offNotice();
  };
}
