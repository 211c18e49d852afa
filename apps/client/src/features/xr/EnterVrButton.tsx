import { useEffect, useState } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";

/** "Enter VR" when a headset is available; "Exit VR" while in a session. */
export function EnterVrButton() {
  const t = useT();
  const { xr } = useSession();
  const inVr = useSessionUi((s) => s.inVr);
  const [supported, setSupported] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const check = navigator.xr?.isSessionSupported("immersive-vr") ?? Promise.resolve(false);
    check.then((ok) => live && setSupported(ok), () => live && setSupported(false));
    return () => {
      live = false;
    };
  }, []);

  const toggle = () => {
    setError(null);
    if (inVr) {
      void xr.store.getState().session?.end();
      return;
    }
    xr.store.enterVR().catch((e: unknown) => setError(e instanceof Error ? e.message : t("vr.failed")));
  };

  return (
    <>
      <button
        className="hud vr-button"
        type="button"
        onClick={toggle}
        disabled={!inVr && supported !== true}
        title={supported === false ? t("vr.none") : undefined}
      >
        {inVr ? t("vr.exit") : t("vr.enter")}
      </button>
      {error && (
        <div className="hud notice" role="alert">
          {error}
        </div>
      )}
    </>
  );
}
