import { useSession } from "../../session-context.js";
import { useVoice, useVoiceUi } from "./use-voice.js";
import { useVoiceCue } from "./use-voice-cue.js";
import { MicIcon, SpeakerIcon } from "./MicIcon.js";
import { useT } from "../i18n/language-context.js";

/**
 * The voice part of one row in the people panel: speaking/muted icon; for others, a volume slider
 * and a local mute (this device only); for facilitators, mute and make-presenter.
 */
export function VoicePersonControls({ id }: { id: string }) {
  const t = useT();
  const voice = useVoice();
  const { room, selfId } = useSession();
  const cue = useVoiceCue(id);
  const volume = useVoiceUi((s) => s.volumes[id] ?? 1);
  const localMuted = useVoiceUi((s) => s.localMuted[id] ?? false);
  const moderator = useVoiceUi((s) => s.moderator);
  const state = cue.muted ? "muted" : cue.speaking ? "speaking" : "quiet";
  return (
    <span className="voice-person">
      <span className={`voice-cue ${state}`} data-voice={state} role="img" aria-label={state === "muted" ? t("voice.cueMuted") : state === "speaking" ? t("voice.cueSpeaking") : t("voice.cueOn")}>
        <MicIcon muted={cue.muted} />
      </span>
      {cue.presenter && <span className="badge presenter">{t("voice.presenter")}</span>}
      {id !== selfId && (
        <>
          <input type="range" min={0} max={2} step={0.1} value={volume} aria-label={t("voice.volume")} onChange={(e) => voice.setVolume(id, Number(e.target.value))} />
          <button type="button" className="voice-mini" aria-pressed={localMuted} aria-label={localMuted ? t("voice.unmuteForMe") : t("voice.muteForMe")} onClick={() => voice.setLocalMuted(id, !localMuted)}>
            <SpeakerIcon muted={localMuted} />
          </button>
          {moderator && (
            <>
              <button type="button" className="voice-mini" aria-label={t("voice.muteForAll")} disabled={cue.muted} onClick={() => voice.moderate({ action: "mute", target: id })}>
                {t("voice.muteShort")}
              </button>
              <button type="button" className="voice-mini" aria-label={cue.presenter ? t("voice.stopPresenting") : t("voice.makePresenter")} onClick={() => voice.moderate({ action: "presenter", target: id, presenter: !room.state.participants.get(id)?.presenter })}>
                {cue.presenter ? t("voice.unstage") : t("voice.stage")}
              </button>
            </>
          )}
        </>
      )}
    </span>
  );
}
