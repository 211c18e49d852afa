import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { chatStoreFor, type ChatStore, type ChatUiState } from "./chat-store.js";

/** This room's chat store (desktop panel and VR tab share it). */
export function useChatStore(): ChatStore {
  return chatStoreFor(useSession().room);
}

export function useChat<T>(selector: (s: ChatUiState) => T): T {
  return useStore(useChatStore(), selector);
}
