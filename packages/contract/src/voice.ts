import { z } from "zod";

/**
 * Spatial voice on the wire: WebRTC signalling relayed by the room (mesh), mute and moderation
 * requests, and the voice section of a room layout. Audio itself never travels through Colyseus.
 */

/** How a session's audio travels: peer-to-peer mesh (embedded default) or through the Janus SFU. */
export const VOICE_TRANSPORTS = ["mesh", "sfu"] as const;
export type VoiceTransport = (typeof VOICE_TRANSPORTS)[number];

/** People a mesh session is sized for; above it the facilitator is warned (each person sends n−1 streams). */
export const MESH_MAX_PEOPLE = 8;

/** Largest SDP a client may send, characters. An audio-only Chromium offer is ~2–4 kB. */
export const SDP_MAX_CHARS = 12_000;

const peerId = z.string().min(1).max(64);

/** An RTCIceCandidateInit; null marks the end of candidates. */
export const iceCandidateSchema = z.object({
  candidate: z.string().max(1024),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(255).nullable().optional(),
});
export type IceCandidate = z.infer<typeof iceCandidateSchema>;

export const sessionDescriptionSchema = z.object({
  type: z.enum(["offer", "answer"]),
  sdp: z.string().max(SDP_MAX_CHARS),
});

/** Client → server: one signalling message for the peer `to` (exactly one of description/candidate). */
export const voiceSignalSchema = z
  .object({ to: peerId, description: sessionDescriptionSchema.optional(), candidate: iceCandidateSchema.nullable().optional() })
  .refine((m) => (m.description === undefined) !== (m.candidate === undefined), "exactly one of description or candidate");
export type VoiceSignal = z.infer<typeof voiceSignalSchema>;

/** Server → client: the same message, stamped with its sender by the server (never by the client). */
export const relayedVoiceSignalSchema = z.object({
  from: peerId,
  description: sessionDescriptionSchema.optional(),
  candidate: iceCandidateSchema.nullable().optional(),
});
export type RelayedVoiceSignal = z.infer<typeof relayedVoiceSignalSchema>;

/** Client → server: I mute or unmute myself. Refused while the room is mute-locked (for non-moderators). */
export const voiceMuteSchema = z.object({ muted: z.boolean() });
export type VoiceMuteMessage = z.infer<typeof voiceMuteSchema>;

/** Client → server: a facilitator's voice moderation; needs the "moderate" permission. */
export const voiceModerateSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("mute"), target: peerId }),
  z.object({ action: z.literal("mute-all") }),
  z.object({ action: z.literal("lock"), locked: z.boolean() }),
  z.object({ action: z.literal("presenter"), target: peerId, presenter: z.boolean() }),
  z.object({ action: z.literal("spatial"), spatial: z.boolean() }),
]);
export type VoiceModerateMessage = z.infer<typeof voiceModerateSchema>;

/** Why a voice request was refused; travels as a notice code. */
export const VoiceRefusal = {
  notAllowed: "voice-not-allowed",
  muteLocked: "voice-mute-locked",
  unknownPeer: "voice-unknown-peer",
} as const;
export type VoiceRefusalCode = (typeof VoiceRefusal)[keyof typeof VoiceRefusal];

const rect = z.object({ minX: z.number(), maxX: z.number(), minZ: z.number(), maxZ: z.number() });

/** The voice section of a room layout (all optional: the defaults suit a training room). */
export const voiceRoomSchema = z.object({
  /** Web Audio distance model for speakers, metres; see @otc/voice for the defaults. */
  distance: z
    .object({
      model: z.enum(["inverse", "linear", "exponential"]),
      refDistance: z.number().positive(),
      maxDistance: z.number().positive(),
      rolloffFactor: z.number().min(0),
    })
    .partial()
    .optional(),
  /** Whoever stands here is heard by everyone at full level. */
  stage: rect.nullable().optional(),
  /** Auditorium: stage and presenter audio is not spatialised. */
  stageFlat: z.boolean().optional(),
  /** Named audio zones: only people inside the same zone hear each other. */
  zones: z.array(rect.extend({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().max(40) })).optional(),
});
export type VoiceRoomLayout = z.infer<typeof voiceRoomSchema>;

/**
 * Client → server, SFU mode: our server proxies Janus (its API stays private). A client publishes
 * its microphone with one offer, and answers the subscription offers the server sends it.
 */
export const voiceSfuClientSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("publish"), sdp: z.string().max(SDP_MAX_CHARS) }),
  /** `offer` echoes the offer's number: an answer to an offer that was since replaced is dropped. */
  z.object({ kind: z.literal("subscribe-answer"), sdp: z.string().max(SDP_MAX_CHARS), offer: z.number().int().nonnegative() }),
]);
export type VoiceSfuClientMessage = z.infer<typeof voiceSfuClientSchema>;

/**
 * Server → client, SFU mode. `speakers` maps each subscription m-line (mid) to the participant heard
 * on it; `offer` numbers the offers; `fresh` says the server rebuilt the subscription (a lost offer),
 * so the client must answer on a new connection rather than renegotiate the old one.
 */
export const voiceSfuServerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("publish-answer"), sdp: z.string() }),
  z.object({ kind: z.literal("subscribe-offer"), sdp: z.string(), speakers: z.record(z.string(), z.string()), offer: z.number().int(), fresh: z.boolean() }),
  z.object({ kind: z.literal("error"), text: z.string() }),
]);
export type VoiceSfuServerMessage = z.infer<typeof voiceSfuServerSchema>;

/**
 * The ICE servers a browser uses for voice (TURN relays for networks that block direct media), as the
 * server writes them into `TrainingState.iceServers`. `relayOnly`: media must go through the relay
 * (hides people's addresses from each other; tests prove the relay with it).
 */
export const iceConfigSchema = z.object({
  servers: z
    .array(z.object({ urls: z.array(z.string().regex(/^turns?:|^stun:/).max(200)).min(1).max(8), username: z.string().max(200).optional(), credential: z.string().max(200).optional() }))
    .max(4),
  relayOnly: z.boolean(),
});
export type IceConfig = z.infer<typeof iceConfigSchema>;
