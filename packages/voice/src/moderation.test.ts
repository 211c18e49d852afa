import { describe, expect, it } from "vitest";
import { mayUnmute, moderate, selfMute, type VoiceSeat } from "./moderation.js";

const facilitator: VoiceSeat = { id: "f", moderator: true, muted: false, presenter: false };
const ada: VoiceSeat = { id: "a", moderator: false, muted: false, presenter: false };
const ben: VoiceSeat = { id: "b", moderator: false, muted: true, presenter: false };
const seats = [facilitator, ada, ben];
const open = { muteLocked: false, spatial: true };
const locked = { muteLocked: true, spatial: true };

describe("muting oneself", () => {
  it("is always possible, and unmuting too unless the room is locked", () => {
    expect(selfMute(ada, true, locked)).toEqual({ ok: true, changes: [{ kind: "muted", id: "a", muted: true }] });
    expect(selfMute(ben, false, open)).toEqual({ ok: true, changes: [{ kind: "muted", id: "b", muted: false }] });
    expect(selfMute(ben, false, locked)).toEqual({ ok: false, reason: "voice-mute-locked" });
  });

  it("lets moderators speak through a lock", () => {
    expect(mayUnmute(facilitator, locked)).toBe(true);
    expect(selfMute({ ...facilitator, muted: true }, false, locked).ok).toBe(true);
  });
});

describe("moderation", () => {
  it("is refused to participants", () => {
    expect(moderate(ada, { action: "mute-all" }, seats)).toEqual({ ok: false, reason: "voice-not-allowed" });
    expect(moderate(ada, { action: "mute", target: "b" }, seats)).toEqual({ ok: false, reason: "voice-not-allowed" });
  });

  it("mutes one person, or everyone but the moderators", () => {
    expect(moderate(facilitator, { action: "mute", target: "a" }, seats)).toEqual({ ok: true, changes: [{ kind: "muted", id: "a", muted: true }] });
    expect(moderate(facilitator, { action: "mute-all" }, seats)).toEqual({ ok: true, changes: [{ kind: "muted", id: "a", muted: true }] });
    expect(moderate(facilitator, { action: "mute", target: "gone" }, seats)).toEqual({ ok: false, reason: "voice-unknown-peer" });
  });

  it("locks microphones: everyone else muted and unable to unmute until unlocked", () => {
    const lock = moderate(facilitator, { action: "lock", locked: true }, seats);
    expect(lock).toEqual({ ok: true, changes: [{ kind: "mute-locked", locked: true }, { kind: "muted", id: "a", muted: true }] });
    expect(moderate(facilitator, { action: "lock", locked: false }, seats)).toEqual({ ok: true, changes: [{ kind: "mute-locked", locked: false }] });
  });

  it("makes presenters and switches spatial audio for the room", () => {
    expect(moderate(facilitator, { action: "presenter", target: "b", presenter: true }, seats)).toEqual({ ok: true, changes: [{ kind: "presenter", id: "b", presenter: true }] });
    expect(moderate(facilitator, { action: "spatial", spatial: false }, seats)).toEqual({ ok: true, changes: [{ kind: "spatial", spatial: false }] });
  });
});
