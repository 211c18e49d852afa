import type { Client } from "@colyseus/core";
import { ChatMessage, ChatServerMessage, chatDeleteSchema, chatMuteSchema, chatSendSchema, chatSyncSchema, type ChatEntry } from "@otc/contract";
import { ChatLog, cleanChatText, mayRead } from "@otc/chat";
import { can } from "@otc/roles";
import { message, type FeatureFactory, type RoomFeature } from "../../rooms/room-feature.js";

/** Each message a document keyed by its zero-padded id; a deleted one keeps its id with `deleted: true`. */
export const CHAT_COLLECTION = "chat";
/** People whose chat a facilitator switched off, keyed by person id. */
export const CHAT_OFF_COLLECTION = "chat-off";

interface StoredChat {
  entry: ChatEntry;
  deleted: boolean;
}

/** One message a second on average, five at once: a person typing fast, not a script. */
const POST = { perSecond: 1, burst: 5 };
const PRESS = { perSecond: 4, burst: 10 };

const keyOf = (id: number) => String(id).padStart(10, "0");

/**
 * Chat: room chat for everyone and private messages to the facilitators. Messages are documents
 * (stored before anyone sees them, back after a restart); a joiner gets the last CHAT_HISTORY they
 * may read. A facilitator deletes a message for everyone or switches a person's chat off.
 */
export const chatFeature: FeatureFactory = async (ctx): Promise<RoomFeature> => {
  const log = new ChatLog();
  const off = new Set<string>();
  if (ctx.sessionId) {
    log.restore((await ctx.storage.listDocuments<StoredChat>(ctx.sessionId, CHAT_COLLECTION)).map((d) => d.body));
    for (const d of await ctx.storage.listDocuments<{ off?: boolean }>(ctx.sessionId, CHAT_OFF_COLLECTION)) if (d.body.off) off.add(d.key);
  }
  let nextId = log.nextId();
  const chatOff = ctx.state.moderation.chatOff;

  const readerOf = (id: string) => {
    const personId = ctx.roster.identity(id)?.personId;
    return personId === undefined ? undefined : { personId, moderator: can(ctx.roster.get(id)?.role ?? "", "moderate") };
  };
  const moderator = (client: Client) => can(ctx.roster.get(client.sessionId)?.role ?? "", "moderate");
  const deliver = (entry: ChatEntry) => {
    if (entry.to === "everyone") return ctx.broadcast(ChatServerMessage.posted, entry);
    for (const id of ctx.roster.ids()) {
      const reader = readerOf(id);
      if (reader && mayRead(entry, reader)) ctx.send(id, ChatServerMessage.posted, entry);
    }
  };
  const failed = (client: Client, what: string) => (e: unknown) => {
    ctx.log(`chat: ${what} not saved: ${String(e)}`);
    ctx.refuse(client, "storage-failed");
  };

  return {
    name: "chat",
    join: (client, person) => {
      if (off.has(person.personId)) chatOff.set(client.sessionId, true);
    },
    leave: (client) => void chatOff.delete(client.sessionId),
    messages: {
      [ChatMessage.chatSync]: message(chatSyncSchema, { perSecond: 1, burst: 3 }, (client) => {
        const reader = readerOf(client.sessionId);
        if (reader) client.send(ChatServerMessage.history, { messages: log.visibleTo(reader) });
      }),
      [ChatMessage.chatSend]: message(chatSendSchema, POST, async (client, { text, to }) => {
        const who = ctx.roster.get(client.sessionId);
        const identity = ctx.roster.identity(client.sessionId);
        if (!who || !identity) return;
        if (chatOff.get(client.sessionId)) return ctx.refuse(client, "not-allowed", "a facilitator switched your chat off");
        const clean = cleanChatText(text);
        if (!clean) return ctx.refuse(client, "invalid-message", "the message is empty");
        const entry: ChatEntry = { id: nextId++, at: ctx.now(), fromId: client.sessionId, fromPerson: identity.personId, name: who.name, to, text: clean };
        try {
          await ctx.storage.putDocument(ctx.sessionId, CHAT_COLLECTION, keyOf(entry.id), { entry, deleted: false } satisfies StoredChat, entry.at);
        } catch (e) {
          return failed(client, "a message")(e);
        }
        log.append(entry);
        deliver(entry);
      }),
      [ChatMessage.chatDelete]: message(chatDeleteSchema, PRESS, async (client, { id }) => {
        if (!moderator(client)) return ctx.refuse(client, "not-allowed", "delete a message");
        const entry = log.get(id);
        if (!entry) return ctx.refuse(client, "invalid-message", "no such message");
        try {
          await ctx.storage.putDocument(ctx.sessionId, CHAT_COLLECTION, keyOf(id), { entry, deleted: true } satisfies StoredChat, ctx.now());
        } catch (e) {
          return failed(client, "a deletion")(e);
        }
        log.delete(id);
        ctx.broadcast(ChatServerMessage.deleted, { id });
      }),
      [ChatMessage.chatMute]: message(chatMuteSchema, PRESS, async (client, { target, off: switchOff }) => {
        if (!moderator(client)) return ctx.refuse(client, "not-allowed", "switch someone's chat off");
        const personId = ctx.roster.identity(target)?.personId;
        if (personId === undefined) return ctx.refuse(client, "invalid-message", "nobody by that id is here");
        try {
          if (switchOff) await ctx.storage.putDocument(ctx.sessionId, CHAT_OFF_COLLECTION, personId, { off: true }, ctx.now());
          else await ctx.storage.deleteDocument(ctx.sessionId, CHAT_OFF_COLLECTION, personId);
        } catch (e) {
          return failed(client, "a chat switch")(e);
        }
        if (switchOff) off.add(personId);
        else off.delete(personId);
        for (const id of ctx.roster.ids()) {
          if (ctx.roster.identity(id)?.personId !== personId) continue;
          if (switchOff) chatOff.set(id, true);
          else chatOff.delete(id);
        }
      }),
    },
  };
};
