import { useEffect } from "react";
import { useSession } from "../../session-context.js";
import { hintMs } from "../a11y/a11y-settings.js";
import { moderationNotice } from "./moderation-notice.js";
import { useVoice } from "./use-voice.js";

const SHOWN_MS = 6000; // as long as a server notice

/**
 * Puts a facilitator's lock or mute into the session's notice, which the desktop notice line and
 * the VR notice panel both show: a person in the headset learns why their microphone went off.
 */
export function ModerationNotices() {
  const { store, a11y } = useSession();
  const voice = useVoice();
  useEffect(() => {
    let timer = 0;
    const off = voice.ui.subscribe((next, prev) => {
      const text = moderationNotice(prev, next);
      if (!text) return;
      store.getState().setNotice(text);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => store.getState().notice === text && store.getState().setNotice(null), hintMs(SHOWN_MS, a11y.getState().hintTime));
    });
    return () => (off(), window.clearTimeout(timer));
  }, [voice, store, a11y]);
  return null;
}
