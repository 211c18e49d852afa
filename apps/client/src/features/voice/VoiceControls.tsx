import { MESH_MAX_PEOPLE } from "@otc/contract";
import { useEffect } from "react";
import { useSession } from "../../session-context.js";
import { useVoice, useVoiceUi } from "./use-voice.js";
import { useVoiceCue } from "./use-voice-cue.js";
import { MicIcon } from "./MicIcon.js";

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** The voice bar: mute (button and M key), one's own spatial switch, and the facilitator's room controls. */
export function VoiceControls() {
  const voice = useVoice();
  const { selfId } = useSession();
  const muted = useVoiceUi((s) => s.muted);
  const mic = useVoiceUi((s) => s.mic);
  const locked = useVoiceUi((s) => s.muteLocked);
  const roomSpatial = useVoiceUi((s) => s.roomSpatial);
  const selfSpatial = useVoiceUi((s) => s.selfSpatial);
  const transport = useVoiceUi((s) => s.transport);
  const people = useVoiceUi((s) => s.people);
  const own = useVoiceCue(selfId);
  const moderator = useVoiceUi((s) => s.moderator);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "m" || e.repeat || e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target)) return;
      voice.toggleMute();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [voice]);

  const micLabel = mic === "denied" ? "Microphone blocked" : muted ? "Unmute (M)" : "Mute (M)";
  return (
    <section className="hud voice-bar" aria-label="Voice">
      <button type="button" className={muted ? "mic muted" : own.speaking ? "mic speaking" : "mic"} aria-pressed={muted} disabled={mic !== "live"} onClick={() => voice.toggleMute()}>
        <MicIcon muted={muted || mic !== "live"} /> {micLabel}
      </button>
      {locked && !moderator && <span className="voice-note">Microphones locked by the facilitator</span>}
      <label className="voice-toggle">
        <input type="checkbox" checked={selfSpatial} onChange={(e) => voice.setSelfSpatial(e.target.checked)} disabled={!roomSpatial} /> 3D audio
      </label>
      {moderator && (
        <span className="voice-moderation">
          <button type="button" onClick={() => voice.moderate({ action: "mute-all" })}>
            Mute all
          </button>
          <button type="button" aria-pressed={locked} onClick={() => voice.moderate({ action: "lock", locked: !locked })}>
            {locked ? "Unlock mics" : "Lock mics"}
          </button>
          <button type="button" aria-pressed={!roomSpatial} onClick={() => voice.moderate({ action: "spatial", spatial: !roomSpatial })}>
            {roomSpatial ? "3D audio off for all" : "3D audio on for all"}
          </button>
          {transport === "mesh" && <span className="voice-note">Peer-to-peer voice: mutes are advisory (a modified client could still send audio).</span>}
          {transport === "mesh" && people > MESH_MAX_PEOPLE && (
            <span className="voice-note warn" role="alert">
              {people} people on peer-to-peer voice: above {MESH_MAX_PEOPLE}, audio will degrade. Configure the Janus SFU for larger sessions.
            </span>
          )}
        </span>
      )}
    </section>
  );
}
