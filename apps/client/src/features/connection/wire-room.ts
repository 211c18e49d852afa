import { ServerMessage, noticeSchema, DEVICE_KINDS, type DeviceKind, type TrainingState } from "@otc/contract";
import type { TrainingRoom } from "./join-room.js";
import { sameParticipants, type ParticipantView, type SessionStore } from "./session-store.js";

function asDevice(d: string): DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(d) ? (d as DeviceKind) : "desktop";
}

/** Plain, sorted copy of the participants map (join order, then id). */
export function participantViews(state: TrainingState): ParticipantView[] {
  const out: ParticipantView[] = [];
  state.participants.forEach((p, id) => {
    out.push({ id, name: p.name, colour: p.colour, device: asDevice(p.device), connected: p.connected, slot: p.slot });
  });
  return out.sort((a, b) => a.slot - b.slot || a.id.localeCompare(b.id));
}

/**
 * Mirrors the room's discrete state and connection lifecycle into the session store: participants
 * on every patch, "Reconnecting…" while the SDK retries a dropped socket, notices from the server.
 * Returns a function that detaches every listener.
 */
export function wireRoom(room: TrainingRoom, store: SessionStore): () => void {
  const sync = (state: TrainingState) => {
    const next = participantViews(state);
    if (!sameParticipants(next, store.getState().participants)) store.getState().setParticipants(next);
  };
  sync(room.state);
  let noticeTimer = 0;
  const onDrop = () => store.getState().setStatus("reconnecting");
  const onReconnect = () => store.getState().setStatus("connected");
  const onLeave = () => store.getState().setStatus("disconnected");
  room.onStateChange(sync);
  room.onDrop(onDrop);
  room.onReconnect(onReconnect);
  room.onLeave(onLeave);
  const offNotice = room.onMessage(ServerMessage.notice, (payload: unknown) => {
    const notice = noticeSchema.safeParse(payload);
    if (!notice.success) return;
    store.getState().setNotice(notice.data.text);
    window.clearTimeout(noticeTimer);
    noticeTimer = window.setTimeout(() => store.getState().setNotice(null), 6000);
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
