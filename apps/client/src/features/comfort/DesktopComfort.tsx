import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { SPEEDS, TURNS } from "./comfort-settings.js";

/**
 * The Comfort settings that make sense on a desktop: walking speed (WASD) and how Q/E turn (a snap
 * angle or smoothly). The same store as the VR Comfort tab, kept by this browser.
 */
export function DesktopComfort() {
  const { comfort } = useSession();
  const c = useStore(comfort);
  const t = useT();
  return (
    <details className="hud comfort-desktop">
      <summary>{t("vrmenu.tab.comfort")}</summary>
      <div role="group" aria-label={t("vrmenu.comfort.speed")}>
        <span>{t("vrmenu.comfort.speed")}</span>
        {SPEEDS.map((v) => (
          <button key={v} aria-pressed={c.speed === v} onClick={() => c.set({ speed: v })}>
            {t("vrmenu.comfort.speedOf", { speed: v })}
          </button>
        ))}
      </div>
      <div role="group" aria-label={t("vrmenu.comfort.turn")}>
        <span>{t("vrmenu.comfort.turn")}</span>
        {TURNS.map((turn) => (
          <button key={turn} aria-pressed={c.turn === turn} onClick={() => c.set({ turn })}>
            {turn === "smooth" ? t("vrmenu.comfort.smooth") : `${turn}°`}
          </button>
        ))}
      </div>
      <p className="hint">{t("vrmenu.comfort.desktopKeys")}</p>
    </details>
  );
}
