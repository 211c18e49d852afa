import { useEffect } from "react";
import { useSession } from "../../session-context.js";
import { moderationNotice } from "./moderation-notice.js";
import { useVoice } from "./use-voice.js";

const SHOWN_MS = 6000; // as long as a server notice

/**
 * Puts a facilitator's lock or mute into the session's notice, which the desktop notice line and
 * the VR notice panel both show: a person in the headset learns why their microphone went off.
 */
export function ModerationNotices() {
  const { store } = useSession();
  const voice = useVoice();
  useEffect(() => {
    let timer = 0;
    const off = voice.ui.subscribe((next, prev) => {
      const text = moderationNotice(prev, next);
      if (!text) return;
      store.getState().setNotice(text);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => store.getState().notice === text && store.getState().setNotice(null), SHOWN_MS);
    });
    return () => (off(), window.clearTimeout(timer));
  }, [voice, store]);
  return null;
}
