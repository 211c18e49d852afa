import { CHAT_HISTORY, ChatMessage, ChatServerMessage, chatDeletedSchema, chatEntrySchema, chatHistorySchema, type ChatAudience, type ChatEntry } from "@otc/contract";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";

export interface ChatUiState {
  entries: ChatEntry[];
  /** Messages that arrived since the panel was last looked at. */
  unread: number;
  markRead(): void;
  /** The message being written: one draft for the desktop box and the VR keyboard, kept across tab switches and entering VR. */
  draft: string;
  setDraft(text: string): void;
}

export type ChatStore = StoreApi<ChatUiState> & {
  send(text: string, to: ChatAudience): void;
  remove(id: number): void;
  switchOff(target: string, off: boolean): void;
};

// One store per joined room: the desktop panel and the VR tab read the same one, and it keeps
// listening while neither is shown. Keyed weakly by the room, so a rejoin starts a fresh one.
const stores = new WeakMap<TrainingRoom, ChatStore>();

/** The chat of this room: wired to the room's messages on first use, then asks for the history. */
export function chatStoreFor(room: TrainingRoom): ChatStore {
  const existing = stores.get(room);
  if (existing) return existing;
  const base = createStore<ChatUiState>()((set) => ({ entries: [], unread: 0, markRead: () => set({ unread: 0 }), draft: "", setDraft: (draft) => set({ draft }) }));
  const store: ChatStore = Object.assign(base, {
    send: (text: string, to: ChatAudience) => room.send(ChatMessage.chatSend, { text, to }),
    remove: (id: number) => room.send(ChatMessage.chatDelete, { id }),
    switchOff: (target: string, off: boolean) => room.send(ChatMessage.chatMute, { target, off }),
  });
  room.onMessage(ChatServerMessage.history, (payload: unknown) => {
    const parsed = chatHistorySchema.safeParse(payload);
    if (parsed.success) base.setState({ entries: parsed.data.messages.slice(-CHAT_HISTORY) });
  });
  room.onMessage(ChatServerMessage.posted, (payload: unknown) => {
    const parsed = chatEntrySchema.safeParse(payload);
    if (!parsed.success) return;
    base.setState((s) => ({ entries: [...s.entries, parsed.data].slice(-CHAT_HISTORY), unread: s.unread + 1 }));
  });
  room.onMessage(ChatServerMessage.deleted, (payload: unknown) => {
    const parsed = chatDeletedSchema.safeParse(payload);
    if (parsed.success) base.setState((s) => ({ entries: s.entries.filter((e) => e.id !== parsed.data.id) }));
  });
  room.send(ChatMessage.chatSync, {});
  stores.set(room, store);
  return store;
}
