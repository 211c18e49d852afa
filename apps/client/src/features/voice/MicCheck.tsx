import type { MessageKey } from "@otc/i18n";
import { useT } from "../i18n/language-context.js";
import { useEffect, useRef, useState } from "react";
import { microphones, openMicrophone, rmsOf, SPEAKING_RMS } from "./mic.js";
import { loadVoicePrefs, saveVoicePrefs, type VoicePrefs } from "./voice-prefs.js";

/** Level that counts as "you sound fine": clearly above room noise, RMS. */
const FINE_RMS = SPEAKING_RMS * 2;

/**
 * The join screen's mic check: pick a microphone, see its level, hear "you sound fine", and choose
 * to join muted. The choice is remembered (voice-prefs) and the voice engine uses it after Join;
 * permission given here is not asked again.
 */
export function MicCheck() {
  const t = useT();
  const [prefs, setPrefs] = useState<VoicePrefs>(() => loadVoicePrefs(window.localStorage));
  const [testing, setTesting] = useState(false);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [level, setLevel] = useState(0);
  const [fine, setFine] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const meter = useRef<HTMLDivElement>(null);

  const update = (next: VoicePrefs) => {
    setPrefs(next);
    saveVoicePrefs(window.localStorage, next);
  };

  useEffect(() => {
    if (!testing) return;
    let stop = false;
    let stream: MediaStream | null = null;
    const ctx = new AudioContext();
    openMicrophone(prefs.deviceId)
      .then(async (s) => {
        stream = s;
        if (stop) return;
        setDevices(await microphones());
        const analyser = ctx.createAnalyser();
        analyser.fftSize = 1024;
        ctx.createMediaStreamSource(s).connect(analyser);
        const scratch = new Float32Array(analyser.fftSize);
        const loop = () => {
          if (stop) return;
          const rms = rmsOf(analyser, scratch);
          setLevel(rms);
          if (rms > FINE_RMS) setFine(true);
          requestAnimationFrame(loop);
        };
        loop();
      })
      .catch(() => setError("voice.check.denied"));
    return () => {
      stop = true;
      for (const t of stream?.getTracks() ?? []) t.stop();
      void ctx.close();
    };
  }, [testing, prefs.deviceId]);

  return (
    <fieldset className="field mic-check">
      <legend>{t("voice.check.legend")}</legend>
      {!testing ? (
        <button type="button" className="secondary" onClick={() => setTesting(true)}>
          {t("voice.check.start")}
        </button>
      ) : (
        <>
          {devices.length > 0 && (
            <select aria-label={t("voice.check.legend")} value={prefs.deviceId} onChange={(e) => update({ ...prefs, deviceId: e.target.value })}>
              <option value="">{t("voice.check.systemDefault")}</option>
              {devices.map((d, i) => (
                <option key={d.deviceId || i} value={d.deviceId}>
                  {d.label || t("voice.check.device", { n: i + 1 })}
                </option>
              ))}
            </select>
          )}
          <div className="mic-meter" role="meter" aria-label={t("voice.check.level")} aria-valuemin={0} aria-valuemax={1} aria-valuenow={Math.min(1, level * 5)} ref={meter}>
            <div style={{ width: `${Math.round(Math.min(1, level * 5) * 100)}%` }} />
          </div>
          <p className="mic-verdict" role="status">
            {error ? t(error) : fine ? t("voice.check.fine") : t("voice.check.speak")}
          </p>
        </>
      )}
      <label className="voice-toggle">
        <input type="checkbox" checked={prefs.joinMuted} onChange={(e) => update({ ...prefs, joinMuted: e.target.checked })} /> {t("voice.check.joinMuted")}
      </label>
    </fieldset>
  );
}
