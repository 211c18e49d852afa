import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { HINT_TIMES, MOTION_CHOICES, type MotionChoice } from "./a11y-settings.js";

const MOTION_KEY = { system: "a11y.motion.system", reduce: "a11y.motion.reduce", full: "a11y.motion.full" } as const;

/**
 * The desktop menu's accessibility settings (folded by default): motion (following the system's
 * reduced-motion wish unless chosen), mono audio, how long notices stay, and Recentre. The VR hand
 * menu's Me tab writes the same store.
 */
export function A11yMenu() {
  const t = useT();
  const { a11y, rig } = useSession();
  const s = useStore(a11y);
  return (
    <details className="hud a11y-menu">
      <summary>{t("a11y.menu")}</summary>
      <div className="a11y-fields">
        <label>
          {t("a11y.motion.label")}{" "}
          <select value={s.motion} onChange={(e) => s.set({ motion: e.target.value as MotionChoice })}>
            {MOTION_CHOICES.map((m) => (
              <option key={m} value={m}>
                {t(MOTION_KEY[m])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={s.monoAudio} onChange={(e) => s.set({ monoAudio: e.target.checked })} /> {t("a11y.mono")}
        </label>
        <label>
          {t("a11y.hintTime")}{" "}
          <select value={s.hintTime} onChange={(e) => s.set({ hintTime: Number(e.target.value) })}>
            {HINT_TIMES.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? t("a11y.hintUsual") : t("a11y.hintTimes", { n })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void (rig.recentre = true)}>
          {t("a11y.recentre")}
        </button>
      </div>
    </details>
  );
}
