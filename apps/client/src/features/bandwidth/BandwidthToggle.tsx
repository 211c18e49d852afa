import { useId } from "react";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";

/** The room's low-bandwidth switch (its hint is the checkbox's description and tooltip) on the desktop (the VR comfort tab has the same): the join screen's choice, changed in place. */
export function BandwidthToggle() {
  const t = useT();
  const id = useId();
  const { request, setBandwidth } = useSession();
  const low = request.bandwidth === "low";
  return (
    <>
      <label className="voice-toggle" title={t("bandwidth.inRoom.hint")}>
        <input type="checkbox" checked={low} aria-describedby={id} onChange={(e) => setBandwidth(e.target.checked ? "low" : "normal")} /> {t("bandwidth.inRoom.label")}
      </label>
      <span id={id} hidden>
        {t("bandwidth.inRoom.hint")}
      </span>
    </>
  );
}
