import { useEffect, useRef } from "react";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";

const FULL = 0.25; // RMS shown as a full bar (a raised voice), as the VR menu's level

/**
 * The person's own microphone level on the desktop card during the mute step: the bar moves while
 * they speak and drops to nothing while muted. Read per animation frame from the voice levels
 * (no React state per frame).
 */
export function MicLevelMeter() {
  const { voice, selfId } = useSession();
  const t = useT();
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let id = 0;
    let shown = -1;
    const draw = () => {
      const cue = voice.levels.get(selfId);
      const pct = cue && !cue.muted ? Math.min(100, Math.round((cue.level / FULL) * 100)) : 0;
      if (pct !== shown && bar.current) {
        shown = pct;
        bar.current.style.width = `${pct}%`;
        bar.current.parentElement?.setAttribute("aria-valuenow", String(pct));
      }
      id = requestAnimationFrame(draw);
    };
    id = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(id);
  }, [voice, selfId]);
  return (
    <div className="onboarding-mic" role="meter" aria-label={t("onboarding.micLevel")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={0}>
      <div ref={bar} className="onboarding-mic-bar" />
    </div>
  );
}
