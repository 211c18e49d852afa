import { z } from "zod";
import { AvatarMessage, ReactionBroadcast } from "./avatars.js";
import { DEVICE_KINDS } from "./join.js";
import { ASSIGNABLE_ROLES } from "./roles.js";
import { WhiteboardMessage, WhiteboardServerMessage } from "./whiteboard.js";
import { SlidePointerBroadcast, SlidesMessage } from "./slides.js";
import { PortalMessage, PortalServerMessage } from "./portals.js";
import { ModerationMessage } from "./moderation.js";
import { ChatMessage, ChatServerMessage } from "./chat.js";
import { PollsMessage } from "./polls.js";
import { TimerMessage } from "./timer.js";
import { OnboardingMessage } from "./onboarding.js";
import { RecordMessage } from "./record.js";
import { BreakoutMessage } from "./breakouts.js";
import { GatherMessage } from "./gather.js";
import { BandwidthMessage } from "./bandwidth.js";

/** A message-name map under prefixed keys (`start` → `breakoutStart`), where its short keys would collide with another's. */
function prefixed<P extends string, T extends Record<string, string>>(prefix: P, names: T): { [K in keyof T & string as `${P}${Capitalize<K>}`]: T[K] } {
  return Object.fromEntries(Object.entries(names).map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v])) as { [K in keyof T & string as `${P}${Capitalize<K>}`]: T[K] };
}

/** Client → server message names. */
export const ClientMessage = {
  pose: "pose",
  device: "device",
  setRole: "set-role",
  ...AvatarMessage,
  voiceSignal: "voice-signal",
  voiceMute: "voice-mute",
  voiceModerate: "voice-moderate",
  voiceSfu: "voice-sfu",
  ...WhiteboardMessage,
  ...SlidesMessage,
  portalUse: PortalMessage.use,
  ...ModerationMessage,
  ...ChatMessage,
  ...PollsMessage,
  ...TimerMessage,
  ...OnboardingMessage,
  ...RecordMessage,
  // Both have a `start`, as the timer does.
  ...prefixed("breakout", BreakoutMessage),
  ...prefixed("gather", GatherMessage),
  ...BandwidthMessage,
} as const;

/** Server → client message names. Presence frames travel as bytes under a numeric type. */
export const ServerMessage = {
  notice: "notice",
  reaction: ReactionBroadcast,
  voiceSignal: "voice-signal",
  voiceSfu: "voice-sfu",
  slidePointer: SlidePointerBroadcast,
  presenceFrame: 1,
  ...WhiteboardServerMessage,
  portalOpen: PortalServerMessage.open,
  ...ChatServerMessage,
} as const;

const finite = z.number().refine(Number.isFinite, "must be finite");

/** Position in metres followed by a rotation quaternion: [x, y, z, qx, qy, qz, qw]. */
export const poseTupleSchema = z.tuple([finite, finite, finite, finite, finite, finite, finite]);
export type PoseTuple = z.infer<typeof poseTupleSchema>;

/**
 * One presence sample from a client: head, and each hand when tracked (null when not).
 * `teleport` marks a deliberate jump (teleport arc, click-to-walk arrival) that may exceed walking speed.
 */
export const poseMessageSchema = z.object({
  h: poseTupleSchema,
  l: poseTupleSchema.nullable(),
  r: poseTupleSchema.nullable(),
  teleport: z.boolean().optional(),
});
export type PoseMessage = z.infer<typeof poseMessageSchema>;

export const deviceMessageSchema = z.object({ device: z.enum(DEVICE_KINDS) });
export type DeviceMessage = z.infer<typeof deviceMessageSchema>;

/**
 * A notice from the server (e.g. why a message was dropped): a code from notices.ts and its
 * parameters; the client words it in the reader's language. `detail` is technical (field paths).
 */
export const noticeSchema = z.object({
  code: z.string().max(64),
  params: z.record(z.string().max(32), z.union([z.string().max(400), z.number()])).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** A facilitator promotes a participant to co-facilitator, or demotes them. */
export const setRoleMessageSchema = z.object({
  participantId: z.string().min(1).max(64),
  role: z.enum(ASSIGNABLE_ROLES),
});
export type SetRoleMessage = z.infer<typeof setRoleMessageSchema>;
