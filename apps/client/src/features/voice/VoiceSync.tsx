import { useFrame } from "@react-three/fiber";
import type { Vec3 } from "@otc/voice";
import { useEffect } from "react";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { useSpeakingReport } from "../record/use-speaking-report.js";

/** Speech RMS is around 0.02–0.15: this maps normal talking to a clearly open mouth. */
const SPEECH_GAIN = 8;

/**
 * Per frame, after the local avatar is placed: the audio listener follows the local head (camera
 * or headset) and every remote speaker's panner sits at their rendered avatar head. Also resumes
 * audio when an XR session starts or ends (some browsers suspend it around the switch) and on a click or key.
 */
export function VoiceSync() {
  const { voice, rig, avatars, xr, room } = useSession();
  useSpeakingReport(voice, room); // mesh talk time for the training record

  useEffect(() => xr.store.subscribe((s, prev) => s.session !== prev.session && voice.audio.resume()), [voice, xr]);
  // A page that joined without a click (through a door) may start with audio held by the browser's
  // autoplay rule: the first click or key lets it play.
  useEffect(() => {
    const resume = () => voice.audio.resume();
    document.addEventListener("pointerdown", resume, true);
    document.addEventListener("keydown", resume, true);
    return () => {
      document.removeEventListener("pointerdown", resume, true);
      document.removeEventListener("keydown", resume, true);
    };
  }, [voice]);
  // The avatars' speaking ring, mouth and muted icon follow the measured voice (RMS → 0..1 openness).
  // Silence is forwarded only when it changes, so the cue store is not rewritten ten times a second.
  useEffect(() => {
    const last = new Map<string, string>();
    return voice.levels.subscribe((id, cue) => {
      const level = cue.speaking ? Math.min(1, cue.level * SPEECH_GAIN) : 0;
      const key = `${level.toFixed(2)}:${cue.muted}`;
      if (level === 0 && last.get(id) === key) return; // levels expire after 500 ms: keep refreshing while speaking
      last.set(id, key);
      avatars.voice.setSpeakingLevel(id, level);
      avatars.voice.setMuted(id, cue.muted);
    });
  }, [voice, avatars]);

  useFrame(() => {
    voice.tick(rig.head.p, rig.head.q, (id): Vec3 | undefined => {
      const head = avatars.views.get(id)?.head;
      return head ? [head[0], head[1], head[2]] : undefined;
    }, performance.now());
  }, FrameOrder.send);

  return null;
}
