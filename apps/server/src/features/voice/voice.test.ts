import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClientMessage, ServerMessage, type RelayedVoiceSignal } from "@otc/contract";
import { SIGNAL_BURST } from "./signal-relay.js";
import type { VoiceRoomFeature } from "./voice-room-feature.js";
import { eventually, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

let h: TestServer;
beforeEach(async () => {
  h = await startTestServer();
});
afterEach(async () => {
  await h.close();
});

function signalsOf(c: TestClient): RelayedVoiceSignal[] {
  const got: RelayedVoiceSignal[] = [];
  c.room.onMessage(ServerMessage.voiceSignal, (m: RelayedVoiceSignal) => got.push(m));
  return got;
}

const id = (c: TestClient) => c.room.sessionId;
const seen = (by: TestClient, who: TestClient) => by.room.state.participants.get(id(who))!;

describe("mesh signalling over the room", () => {
  it("delivers an offer only to the peer it names, stamped with the real sender", async () => {
    const a = await h.join("A");
    const b = await h.join("B");
    const c = await h.join("C");
    const [toB, toC] = [signalsOf(b), signalsOf(c)];
    const sdp = "v=0\r\n" + "a=candidate:x\r\n".repeat(600); // ~9 kB: bigger than a pose frame limit of old
    a.room.send(ClientMessage.voiceSignal, { to: id(b), description: { type: "offer", sdp } });
    a.room.send(ClientMessage.voiceSignal, { to: id(b), candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host", sdpMid: "0", sdpMLineIndex: 0 } });
    await eventually(() => toB.length === 2);
    expect(toB[0]).toEqual({ from: id(a), description: { type: "offer", sdp } });
    expect(toB[1]!.candidate?.sdpMid).toBe("0");
    await sleep(100);
    expect(toC).toHaveLength(0);
  });

  it("drops signals to strangers, to oneself and malformed ones, and keeps the sender connected", async () => {
    const a = await h.join("A");
    const b = await h.join("B");
    const toB = signalsOf(b);
    a.room.send(ClientMessage.voiceSignal, { to: "nobody", description: { type: "offer", sdp: "v=0" } });
    a.room.send(ClientMessage.voiceSignal, { to: id(a), description: { type: "offer", sdp: "v=0" } });
    a.room.send(ClientMessage.voiceSignal, { to: id(b), description: { type: "offer", sdp: "x".repeat(13_000) } });
    a.room.send(ClientMessage.voiceSignal, { to: id(b) });
    const { voice } = h.serverRoom(a).feature<VoiceRoomFeature>("voice")!;
    await eventually(() => voice.stats.dropped.unknownPeer === 2 && voice.stats.dropped.invalid === 2);
    expect(toB).toHaveLength(0);
    expect(h.serverRoom(a).state.participants.get(id(a))?.connected).toBe(true);
  });

  it("rate-limits a client flooding signals", async () => {
    const a = await h.join("A");
    const b = await h.join("B");
    const toB = signalsOf(b);
    for (let i = 0; i < 100; i++) a.room.send(ClientMessage.voiceSignal, { to: id(b), candidate: null });
    const { voice } = h.serverRoom(a).feature<VoiceRoomFeature>("voice")!;
    // The room's clock is frozen (fake wall clock): exactly the burst gets through.
    await eventually(() => voice.stats.relayed + voice.stats.dropped.rateLimited === 100);
    expect(voice.stats.relayed).toBe(SIGNAL_BURST);
    await eventually(() => toB.length === SIGNAL_BURST);
  });
});

describe("mute", () => {
  it("starts muted until the person's microphone is live, and shows everyone the change", async () => {
    const a = await h.join("A");
    const b = await h.join("B");
    expect(seen(b, a).muted).toBe(true);
    a.room.send(ClientMessage.voiceMute, { muted: false });
    await eventually(() => seen(b, a).muted === false);
    a.room.send(ClientMessage.voiceMute, { muted: true });
    await eventually(() => seen(b, a).muted === true);
  });
});

describe("facilitator moderation", () => {
  async function classroom() {
    const f = await h.join("Facilitator");
    const a = await h.join("A");
    const b = await h.join("B");
    h.serverRoom(f).state.participants.get(id(f))!.role = "facilitator";
    for (const c of [f, a, b]) c.room.send(ClientMessage.voiceMute, { muted: false });
    await eventually(() => !seen(b, f).muted && !seen(b, a).muted && !seen(f, b).muted);
    return { f, a, b };
  }

  it("is refused to a participant, with a notice", async () => {
    const { a, b } = await classroom();
    a.room.send(ClientMessage.voiceModerate, { action: "mute", target: id(b) });
    await eventually(() => a.notices.some((n) => n.code === "voice-not-allowed"));
    expect(seen(a, b).muted).toBe(false);
  });

  it("mutes one person, then everyone but the facilitator", async () => {
    const { f, a, b } = await classroom();
    f.room.send(ClientMessage.voiceModerate, { action: "mute", target: id(a) });
    await eventually(() => seen(b, a).muted);
    expect(seen(b, b).muted).toBe(false);
    f.room.send(ClientMessage.voiceModerate, { action: "mute-all" });
    await eventually(() => seen(a, b).muted);
    expect(seen(a, f).muted).toBe(false);
  });

  it("locks microphones: a participant's unmute is refused by the server until unlocked", async () => {
    const { f, a, b } = await classroom();
    f.room.send(ClientMessage.voiceModerate, { action: "lock", locked: true });
    await eventually(() => b.room.state.muteLocked && seen(b, a).muted);
    a.room.send(ClientMessage.voiceMute, { muted: false });
    await eventually(() => a.notices.some((n) => n.code === "voice-mute-locked"));
    await sleep(100);
    expect(seen(b, a).muted).toBe(true);
    f.room.send(ClientMessage.voiceModerate, { action: "lock", locked: false });
    await eventually(() => !b.room.state.muteLocked);
    a.room.send(ClientMessage.voiceMute, { muted: false });
    await eventually(() => !seen(b, a).muted);
  });

  it("makes a presenter and turns spatial audio off for the room", async () => {
    const { f, a, b } = await classroom();
    f.room.send(ClientMessage.voiceModerate, { action: "presenter", target: id(a), presenter: true });
    f.room.send(ClientMessage.voiceModerate, { action: "spatial", spatial: false });
    await eventually(() => seen(b, a).presenter && b.room.state.spatialAudio === false);
  });
});
