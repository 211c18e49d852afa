import type { GatherStartMessage } from "@otc/contract";
import { useState } from "react";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { useGather, useGatherCountdown, useGatherUi } from "./use-gather.js";

/** The facilitator's gather controls (in the facilitation panel): to me, to a named spot, to the seats; "stay here" allowed or not; cancel during the countdown. */
export function GatherSection() {
  const t = useT();
  const { layout } = useSession();
  const client = useGather();
  const moderator = useGatherUi((s) => s.moderator);
  const gather = useGatherUi((s) => s.gather);
  const left = useGatherCountdown();
  const [allowStay, setAllowStay] = useState(false);
  const spots = [...layout.screens, ...layout.boards, ...layout.portals].map((a) => a.id);
  const [spot, setSpot] = useState(spots[0] ?? "");
  if (!moderator) return null;
  const go = (v: Omit<GatherStartMessage, "allowStay">) => client.start({ ...v, allowStay });
  return (
    <section className="gather" aria-label={t("gather.panel")}>
      <h3>{t("gather.title")}</h3>
      {gather && left !== null ? (
        <div className="row">
          <span>{t("gather.running", { n: left, staying: gather.staying.length })}</span>
          <button type="button" className="small" onClick={() => client.cancel()}>{t("gather.cancel")}</button>
        </div>
      ) : (
        <>
          <div className="row">
            <button type="button" className="small" onClick={() => go({ to: "facilitator" })}>{t("gather.toMe")}</button>
            <button type="button" className="small" disabled={layout.seats.length === 0} onClick={() => go({ to: "seats" })}>{t("gather.toSeatsButton")}</button>
          </div>
          <div className="row">
            <select aria-label={t("gather.spot")} value={spot} onChange={(e) => setSpot(e.target.value)}>
              {spots.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </select>
            <button type="button" className="small" disabled={!spot} onClick={() => go({ to: "spot", spot })}>{t("gather.toSpotButton")}</button>
          </div>
          <label className="row">
            <input type="checkbox" checked={allowStay} onChange={(e) => setAllowStay(e.target.checked)} /> {t("gather.allowStay")}
          </label>
        </>
      )}
    </section>
  );
}
