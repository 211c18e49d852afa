import { z } from "zod";
import { colourSchema } from "./join.js";

/** Body shapes of the default avatar (shoulder width and girth; height comes from the head pose). */
export const BODY_SHAPES = ["slim", "regular", "broad"] as const;
export type BodyShape = (typeof BODY_SHAPES)[number];

/** Hair or headwear drawn on the default avatar. */
export const HAIR_STYLES = ["none", "short", "long", "bun", "cap", "beanie"] as const;
export type HairStyle = (typeof HAIR_STYLES)[number];

/** Skin tones offered in the customiser (any #rrggbb is accepted on the wire). */
export const SKIN_TONES = ["#f6d7c3", "#e9b99a", "#c98e6b", "#a0694a", "#7a4a31", "#4e2f1f"] as const;

/** How someone's default avatar looks: chosen on the join screen, remembered on that browser. */
export const appearanceSchema = z.object({
  body: z.enum(BODY_SHAPES),
  skin: colourSchema,
  hair: z.enum(HAIR_STYLES),
  hairColour: colourSchema,
  clothing: colourSchema,
});
export type Appearance = z.output<typeof appearanceSchema>;

/** Reactions a person can send; each floats up from their avatar for a moment. */
export const REACTIONS = ["thumbs-up", "clap", "heart", "laugh", "surprised"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** Largest avatar model (VRM or humanoid GLB) the server accepts, bytes. */
export const AVATAR_MODEL_MAX_BYTES = 12 * 1024 * 1024;
/** Where models are uploaded (POST, body = the file) and served back (`GET /avatars/<sha256>.glb`). */
export const AVATAR_MODEL_ROUTE = "/avatars";
/** Uploads carry the invitation like slide uploads do (link and person key headers), plus the session in this one. */
export const AVATAR_SESSION_HEADER = "x-otc-session";
/** A stored model's name: its SHA-256 in hex. */
export const MODEL_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Client → server avatar messages (document state: stays until changed). */
export const AvatarMessage = {
  appearance: "avatar.appearance",
  model: "avatar.model",
  handRaise: "avatar.hand",
  away: "avatar.away",
  reaction: "avatar.reaction",
} as const;

export const appearanceMessageSchema = z.object({ appearance: appearanceSchema });
/** `hash: null` goes back to the default avatar. */
export const modelMessageSchema = z.object({ hash: z.string().regex(MODEL_HASH_PATTERN).nullable() });
export const handRaiseMessageSchema = z.object({ raised: z.boolean() });
export const awayMessageSchema = z.object({ away: z.boolean() });
export const reactionMessageSchema = z.object({ reaction: z.enum(REACTIONS) });

/** Server → client: someone reacted (relayed once; reactions are presence, never stored). */
export const ReactionBroadcast = "avatar.reacted";
export const reactionBroadcastSchema = z.object({ id: z.string(), reaction: z.enum(REACTIONS) });
export type ReactionBroadcastPayload = z.infer<typeof reactionBroadcastSchema>;

/** What the upload route answers. */
export const modelUploadResultSchema = z.object({ hash: z.string().regex(MODEL_HASH_PATTERN), url: z.string(), kind: z.enum(["vrm", "glb"]) });
export type ModelUploadResult = z.infer<typeof modelUploadResultSchema>;
