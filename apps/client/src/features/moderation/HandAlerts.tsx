import { useEffect, useRef } from "react";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import type { Wording } from "../i18n/wording.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { useModeration } from "./use-moderation.js";
import { hintMs } from "../a11y/a11y-settings.js";


const SHOWN_MS = 6000;

/** A short two-note chime (no audio file to fetch). */
function chime(): void {
  try {
    const ctx = new AudioContext();
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    gain.gain.value = 0.08;
    [660, 880].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.12);
      osc.stop(ctx.currentTime + i * 0.12 + 0.1);
    });
    window.setTimeout(() => void ctx.close(), 600);
  } catch {
    // no audio output: the notice still shows
  }
}

/**
 * Tells facilitators when a hand goes up: a chime and a notice (desktop notice line and the VR notice
 * panel both show the session notice). Participants hear nothing.
 */
export function HandAlerts() {
  const { store, room, a11y } = useSession();
  const moderator = useVoiceUi((s) => s.moderator);
  const { hands } = useModeration();
  const t = useT();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = new Set(hands);
    if (!before || !moderator) return;
    const fresh = hands.filter((id) => !before.has(id));
    if (fresh.length === 0) return;
    const id = fresh[fresh.length - 1]!;
    const name = room.state.participants.get(id)?.name ?? t("facilitation.someone");
    const text: Wording = { key: "facilitation.raised", params: { name, place: hands.indexOf(id) + 1 } };
    chime();
    store.getState().setNotice(text);
    window.setTimeout(() => store.getState().notice === text && store.getState().setNotice(null), hintMs(SHOWN_MS, a11y.getState().hintTime));
  }, [hands, moderator, store, room, t, a11y]);
  return null;
}
