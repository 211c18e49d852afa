import { MESH_MAX_PEOPLE } from "@otc/contract";
import { useEffect } from "react";
import { useSession } from "../../session-context.js";
import { useVoice, useVoiceUi } from "./use-voice.js";
import { useVoiceCue } from "./use-voice-cue.js";
import { MicIcon } from "./MicIcon.js";
import { useT } from "../i18n/language-context.js";
import { BandwidthToggle } from "../bandwidth/BandwidthToggle.js";
import { matches } from "../a11y/shortcuts.js";

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** The voice bar: mute (button and M key), one's own spatial switch, low-bandwidth mode, and the facilitator's room controls. */
export function VoiceControls() {
  const t = useT();
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
      if (!matches(e, "mute") || e.repeat || typingInField(e.target)) return;
      voice.toggleMute();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [voice]);

  const micLabel = mic === "denied" ? t("voice.blocked") : muted ? t("voice.unmute") : t("voice.mute");
  return (
    <section className="hud voice-bar" aria-label={t("voice.bar")}>
      <button type="button" className={muted ? "mic muted" : own.speaking ? "mic speaking" : "mic"} aria-pressed={muted} disabled={mic !== "live"} onClick={() => voice.toggleMute()}>
        <MicIcon muted={muted || mic !== "live"} /> {micLabel}
      </button>
      {locked && !moderator && <span className="voice-note">{t("voice.lockedNote")}</span>}
      <label className="voice-toggle">
        <input type="checkbox" checked={selfSpatial} onChange={(e) => voice.setSelfSpatial(e.target.checked)} disabled={!roomSpatial} /> {t("voice.spatial")}
      </label>
      <BandwidthToggle />
      {moderator && (
        <span className="voice-moderation">
          <button type="button" onClick={() => voice.moderate({ action: "mute-all" })}>
            {t("voice.muteAll")}
          </button>
          <button type="button" aria-pressed={locked} onClick={() => voice.moderate({ action: "lock", locked: !locked })}>
            {locked ? t("voice.unlock") : t("voice.lock")}
          </button>
          <button type="button" aria-pressed={!roomSpatial} onClick={() => voice.moderate({ action: "spatial", spatial: !roomSpatial })}>
            {roomSpatial ? t("voice.spatialOffAll") : t("voice.spatialOnAll")}
          </button>
          {transport === "mesh" && <span className="voice-note">{t("voice.meshAdvisory")}</span>}
          {transport === "mesh" && people > MESH_MAX_PEOPLE && (
            <span className="voice-note warn" role="alert">
              {t("voice.meshCrowded", { people, max: MESH_MAX_PEOPLE })}
            </span>
          )}
        </span>
      )}
    </section>
  );
}
