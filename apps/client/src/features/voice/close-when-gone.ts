import type { SessionStore } from "../connection/session-store.js";

/**
 * Closes this page's voice (peers, the microphone, the audio graph) once it is out of the session for
 * good: removed, link replaced, session ended, left, or rejoining gave up. Nobody can hear a person who
 * is out, and their browser stops showing the microphone in use. Returns the unsubscribe.
 */
export function closeVoiceWhenGone(store: SessionStore, voice: { close(): void }): () => void {
  let closed = false;
  const check = (status: string) => {
    if (closed || status !== "disconnected") return;
    closed = true;
    voice.close();
  };
  check(store.getState().status);
  return store.subscribe((s) => check(s.status));
}
