import { ClientMessage, ServerMessage, voiceModerateSchema, voiceMuteSchema, voiceSfuClientSchema, voiceSignalSchema } from "@otc/contract";
import { message, type FeatureFactory, type RoomContext, type RoomFeature } from "../../rooms/room-feature.js";
import { contributed } from "../record/contributions.js";
import { TalkMeter } from "../record/talk-meter.js";
import { SfuRoom } from "./sfu/sfu-room.js";
import { SfuVoice } from "./sfu/sfu-voice.js";
import { SIGNAL_BURST, SIGNALS_PER_S } from "./signal-relay.js";
import { turnIceConfig } from "./turn-credentials.js";
import { VoiceFeature } from "./voice-feature.js";

/** How often each listener's SFU subscriptions are re-chosen (nearest/loudest), ms. */
export const VOICE_SELECTION_INTERVAL_MS = 1000;

/** SFU negotiation: an offer/answer and a burst of trickled ICE candidates per (re)subscription. */
const SFU_RATE = { perSecond: 20, burst: 60 };
/** Muting oneself or moderating: deliberate presses. */
const PRESS_RATE = { perSecond: 4, burst: 10 };

/** The voice feature as the room sees it; `voice` is there for tests and operators (stats). */
export interface VoiceRoomFeature extends RoomFeature {
  readonly voice: VoiceFeature;
}

/**
 * Voice: mesh signalling relay or the SFU bridge (one Janus room per session when the server has
 * one), mutes and moderation. Malformed voice messages keep their own answers (counted in voice stats).
 */
export const voiceFeature: FeatureFactory = async (ctx): Promise<VoiceRoomFeature> => {
  const voice = new VoiceFeature(
    {
      state: ctx.state,
      sendSignal: (to, msg) => ctx.send(to, ServerMessage.voiceSignal, msg),
      notify: (id, notice) => void ctx.send(id, ServerMessage.notice, notice),
      log: ctx.log,
    },
    ctx.layout.voice,
  );
  await startSfu(ctx, voice);
  handOutTurn(ctx);
  return {
    name: "voice",
    voice,
    messages: {
      [ClientMessage.voiceSignal]: message(
        voiceSignalSchema,
        { perSecond: SIGNALS_PER_S * 2, burst: SIGNAL_BURST * 2 },
        (client, value) => voice.signal(client.sessionId, { ok: true, value }, ctx.now()),
        (client, detail) => voice.signal(client.sessionId, { ok: false, detail }, ctx.now()),
      ),
      [ClientMessage.voiceSfu]: message(
        voiceSfuClientSchema,
        SFU_RATE,
        (client, value) => voice.sfuMessage(client.sessionId, { ok: true, value }),
        (client, detail) => voice.sfuMessage(client.sessionId, { ok: false, detail }),
      ),
      [ClientMessage.voiceMute]: message(
        voiceMuteSchema,
        PRESS_RATE,
        (client, value) => voice.mute(client.sessionId, { ok: true, value }),
        (client, detail) => voice.mute(client.sessionId, { ok: false, detail }),
      ),
      [ClientMessage.voiceModerate]: message(
        voiceModerateSchema,
        PRESS_RATE,
        (client, value) => voice.moderate(client.sessionId, { ok: true, value }),
        (client, detail) => voice.moderate(client.sessionId, { ok: false, detail }),
      ),
    },
    join: (client, person) => voice.join(client.sessionId, person.slot, person.spawn.head.p),
    moved: (id, pose) => voice.setHead(id, pose.head.p),
    reconnect: (client) => voice.reconnected(client.sessionId),
    leave: (client) => voice.leave(client.sessionId),
    dispose: () => voice.close(),
  };
};

/** One Janus room per session when the server has an SFU; on failure voice stays peer-to-peer. */
async function startSfu(ctx: RoomContext, voice: VoiceFeature): Promise<void> {
  const janus = ctx.config.janus;
  if (!janus || !ctx.sessionId) return;
  try {
    const janusRoom = await janus.createRoom(`otc ${ctx.sessionId}`);
    const talk = new TalkMeter(ctx.now, (id) => ctx.roster.identity(id)?.personId, (personId, seconds) => contributed(ctx, personId, "talk", seconds));
    const room = new SfuRoom(janus, janusRoom, {
      talking: (id, on) => talk.set(id, on),
      send: (id, msg) => void ctx.send(id, ServerMessage.voiceSfu, msg),
      isMuted: (id) => ctx.state.participants.get(id)?.muted ?? true,
      now: ctx.now,
      log: ctx.log,
    });
    voice.useSfu(new SfuVoice(room, ctx.state, voice.heads, () => voice.rules(), (id) => ctx.roster.isLowBandwidth(id)));
    ctx.every(VOICE_SELECTION_INTERVAL_MS, () => voice.tick());
  } catch (e) {
    ctx.log(`training room for ${ctx.sessionId}: no SFU room (${(e as Error).message}); voice stays peer-to-peer`);
  }
}

/** TURN credentials for everyone in the room, renewed at half their lifetime so none in use expires. */
function handOutTurn(ctx: RoomContext): void {
  const turn = ctx.config.turn;
  if (!turn) return;
  const write = () => (ctx.state.iceServers = JSON.stringify(turnIceConfig(turn, ctx.sessionId || "otc", ctx.now())));
  write();
  ctx.every((turn.ttlS * 1000) / 2, write);
}
