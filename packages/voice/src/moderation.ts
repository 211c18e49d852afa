import type { VoiceModerateMessage, VoiceRefusalCode } from "@otc/contract";

/** One person's voice state as the rules see it; `moderator` comes from the role table (can(role, "moderate")). */
export interface VoiceSeat {
  id: string;
  moderator: boolean;
  muted: boolean;
  presenter: boolean;
}

export interface VoiceRoomSwitches {
  muteLocked: boolean;
  spatial: boolean;
}

/** A change the server applies to the room state. */
export type VoiceChange =
  | { kind: "muted"; id: string; muted: boolean }
  | { kind: "presenter"; id: string; presenter: boolean }
  | { kind: "mute-locked"; locked: boolean }
  | { kind: "spatial"; spatial: boolean };

export type VoiceDecision = { ok: true; changes: VoiceChange[] } | { ok: false; reason: VoiceRefusalCode };

/** Whether this person may unmute: always, unless the room is mute-locked and they are not a moderator. */
export function mayUnmute(seat: Pick<VoiceSeat, "moderator">, room: Pick<VoiceRoomSwitches, "muteLocked">): boolean {
  return seat.moderator || !room.muteLocked;
}

/** A person muting or unmuting themselves. Muting is always allowed. */
export function selfMute(seat: VoiceSeat, muted: boolean, room: VoiceRoomSwitches): VoiceDecision {
  if (!muted && !mayUnmute(seat, room)) return { ok: false, reason: "voice-mute-locked" };
  return { ok: true, changes: seat.muted === muted ? [] : [{ kind: "muted", id: seat.id, muted }] };
}

/**
 * A moderation request from `actor`. Only moderators may moderate; "mute all" and the lock leave
 * moderators (facilitators, co-facilitators) able to speak. Locking also mutes everyone else, so a
 * locked room is a quiet room until the facilitator unlocks it.
 */
export function moderate(actor: VoiceSeat, action: VoiceModerateMessage, seats: readonly VoiceSeat[]): VoiceDecision {
  if (!actor.moderator) return { ok: false, reason: "voice-not-allowed" };
  const muteOthers = (): VoiceChange[] =>
    seats.filter((s) => !s.moderator && !s.muted).map((s) => ({ kind: "muted" as const, id: s.id, muted: true }));
  switch (action.action) {
    case "mute": {
      const target = seats.find((s) => s.id === action.target);
      if (!target) return { ok: false, reason: "voice-unknown-peer" };
      return { ok: true, changes: target.muted ? [] : [{ kind: "muted", id: target.id, muted: true }] };
    }
    case "mute-all":
      return { ok: true, changes: muteOthers() };
    case "lock":
      return { ok: true, changes: [{ kind: "mute-locked", locked: action.locked }, ...(action.locked ? muteOthers() : [])] };
    case "presenter": {
      const target = seats.find((s) => s.id === action.target);
      if (!target) return { ok: false, reason: "voice-unknown-peer" };
      return { ok: true, changes: [{ kind: "presenter", id: target.id, presenter: action.presenter }] };
    }
    case "spatial":
      return { ok: true, changes: [{ kind: "spatial", spatial: action.spatial }] };
  }
}
