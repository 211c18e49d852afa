import { useEffect } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { useGather, useGatherCountdown, useGatherUi } from "./use-gather.js";
import "../breakouts/breakouts.css";

/** Everyone's view of a gather: where to and the 5 s countdown, with "Stay here" when the facilitator allows it (in VR: the session notice). */
export function GatherNotice() {
  const t = useT();
  const { store, selfId } = useSession();
  const client = useGather();
  const gather = useGatherUi((s) => s.gather);
  const left = useGatherCountdown();
  const inVr = useSessionUi((s) => s.inVr);
  const where = gather ? (gather.to === "spot" ? t("gather.toSpot", { spot: gather.spot ?? "" }) : gather.to === "seats" ? t("gather.toSeats") : t("gather.toFacilitator", { name: gather.by })) : "";
  const text = gather && left !== null ? t("gather.countdown", { where, n: left }) : null;
  useEffect(() => {
    if (text && inVr && left !== null) store.getState().setNotice({ key: "gather.countdown", params: { where, n: left } });
  }, [text, inVr, store]);
  if (!gather || !text) return null;
  const staying = gather.staying.includes(selfId);
  return (
    <div className="hud breakout-notice gather-notice" role="status" aria-label={t("gather.panel")}>
      <p className="when">{staying ? t("gather.staying") : text}</p>
      {gather.allowStay && !staying && (
        <button type="button" className="small" onClick={() => client.stay()}>
          {t("gather.stay")}
        </button>
      )}
    </div>
  );
}
