import { schema, t, type SchemaType } from "@colyseus/schema";
import { SlidesState } from "./slides.js";
import { ModerationState } from "./moderation.js";

/** One person in the session. Documents about the person; their pose is presence and travels apart. */
export const Participant = schema(
  {
    id: t.string(),
    name: t.string(),
    colour: t.string(),
    device: t.string(), // DeviceKind
    /** Decided by the server (signed link + stored promotions); see ROLES. */
    role: t.string().default("participant"),
    connected: t.boolean().default(true),
    /** Small integer that names this participant inside presence frames. */
    slot: t.uint16().default(0),
    /** Index of the room's spawn point this person started at: chosen by the server where nobody stands. */
    spawn: t.uint16().default(0),
    joinedAt: t.number().default(0), // ms since epoch, server clock
    /** Avatar look as JSON (see appearanceSchema); "" until the client sends one: the default look. */
    appearance: t.string().default(""),
    /** URL of an uploaded VRM/GLB model (served by hash), or "" for the default avatar. */
    avatarUrl: t.string().default(""),
    handRaised: t.boolean().default(false),
    /** Tab hidden or headset taken off. */
    away: t.boolean().default(false),
    /** Microphone off. Starts true until the client's mic is live; set by the person or a facilitator. */
    muted: t.boolean().default(true),
    /** Made presenter by a facilitator: heard by everyone at full level (see @otc/voice). */
    presenter: t.boolean().default(false),
  },
  "Participant",
);
export type Participant = SchemaType<typeof Participant>;

export const TrainingState = schema(
  {
    sessionId: t.string(),
    title: t.string(),
    language: t.string(), // Language
    roomLayout: t.string(), // id of the room layout in assets/rooms
    /** The session's brand over the room's (SessionBrand as JSON), "" for none; read when the room is loaded. */
    brand: t.string(),
    participants: t.map(Participant),
    /** Voice: "mesh" or "sfu" (VoiceTransport), chosen by the server. */
    voiceTransport: t.string().default("mesh"),
    /** Voice: TURN relays with time-limited credentials (IceConfig as JSON), "" when the server has none. */
    iceServers: t.string().default(""),
    /** Voice: participants cannot unmute themselves (facilitator's mute lock). */
    muteLocked: t.boolean().default(false),
    /** Voice: spatial audio for the whole room; a facilitator may turn it off. */
    spatialAudio: t.boolean().default(true),
    /** Slide screens (decks, pages) and presenter grants. */
    slides: t.ref(SlidesState),
    /** Lock, capacity, waiting room, blocked list, hand queue, chat switches (see moderation.ts). */
    moderation: t.ref(ModerationState),
  },
  "TrainingState",
);
export type TrainingState = SchemaType<typeof TrainingState>;
