import { z } from "zod";

export const ChatMessage = {
  chatSend: "chat.send",
  chatDelete: "chat.delete",
  /** Facilitator: switch a person's chat off or on. */
  chatMute: "chat.mute",
  /** Send me the history (a page asks once its handlers are in place). */
  chatSync: "chat.sync",
} as const;

export const ChatServerMessage = {
  /** The last CHAT_HISTORY messages this person may read, answering chat.sync. */
  history: "chat.history",
  posted: "chat.posted",
  deleted: "chat.deleted",
} as const;

/** Longest chat message, characters (after control characters are stripped). */
export const CHAT_TEXT_MAX = 500;
/** Messages a late joiner receives. */
export const CHAT_HISTORY = 200;
export const CHAT_AUDIENCES = ["everyone", "facilitators"] as const;
export type ChatAudience = (typeof CHAT_AUDIENCES)[number];

export const chatSendSchema = z.object({ text: z.string().min(1).max(CHAT_TEXT_MAX * 2), to: z.enum(CHAT_AUDIENCES) });
export const chatDeleteSchema = z.object({ id: z.number().int().min(1) });
export const chatSyncSchema = z.object({}).strict();
export const chatMuteSchema = z.object({ target: z.string().min(1).max(64), off: z.boolean() });

/** One chat message as clients receive it. `fromId` is the sender's session id when they posted. */
export const chatEntrySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  fromId: z.string(),
  fromPerson: z.string(),
  name: z.string(),
  to: z.enum(CHAT_AUDIENCES),
  text: z.string().max(CHAT_TEXT_MAX),
});
export type ChatEntry = z.infer<typeof chatEntrySchema>;

/** Server → client payloads. */
export const chatHistorySchema = z.object({ messages: z.array(chatEntrySchema).max(CHAT_HISTORY) });
export const chatDeletedSchema = z.object({ id: z.number().int() });
