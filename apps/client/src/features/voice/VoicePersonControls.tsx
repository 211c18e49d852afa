import { useSession } from "../../session-context.js";
import { useVoice, useVoiceUi } from "./use-voice.js";
import { useVoiceCue } from "./use-voice-cue.js";
import { MicIcon, SpeakerIcon } from "./MicIcon.js";

/**
 * The voice part of one row in the people panel: speaking/muted icon; for others, a volume slider
 * and a local mute (this device only); for facilitators, mute and make-presenter.
 */
export function VoicePersonControls({ id }: { id: string }) {
  const voice = useVoice();
  const { room, selfId } = useSession();
  const cue = useVoiceCue(id);
  const volume = useVoiceUi((s) => s.volumes[id] ?? 1);
  const localMuted = useVoiceUi((s) => s.localMuted[id] ?? false);
  const moderator = useVoiceUi((s) => s.moderator);
  const state = cue.muted ? "muted" : cue.speaking ? "speaking" : "quiet";
  return (
    <span className="voice-person">
      <span className={`voice-cue ${state}`} data-voice={state} role="img" aria-label={state === "muted" ? "muted" : state === "speaking" ? "speaking" : "microphone on"}>
        <MicIcon muted={cue.muted} />
      </span>
      {cue.presenter && <span className="badge presenter">Presenter</span>}
      {id !== selfId && (
        <>
          <input type="range" min={0} max={2} step={0.1} value={volume} aria-label="Volume" onChange={(e) => voice.setVolume(id, Number(e.target.value))} />
          <button type="button" className="voice-mini" aria-pressed={localMuted} aria-label={localMuted ? "Unmute for me" : "Mute for me"} onClick={() => voice.setLocalMuted(id, !localMuted)}>
            <SpeakerIcon muted={localMuted} />
          </button>
          {moderator && (
            <>
              <button type="button" className="voice-mini" aria-label="Mute for everyone" disabled={cue.muted} onClick={() => voice.moderate({ action: "mute", target: id })}>
                Mute
              </button>
              <button type="button" className="voice-mini" aria-label={cue.presenter ? "Stop presenting" : "Make presenter"} onClick={() => voice.moderate({ action: "presenter", target: id, presenter: !room.state.participants.get(id)?.presenter })}>
                {cue.presenter ? "Unstage" : "Stage"}
              </button>
            </>
          )}
        </>
      )}
    </span>
  );
}
