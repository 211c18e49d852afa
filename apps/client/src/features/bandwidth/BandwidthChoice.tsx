import type { MessageKey } from "@otc/i18n";
import type { BandwidthMode } from "@otc/contract";
import { useEffect, useId, useState } from "react";
import { useT } from "../i18n/language-context.js";
import { suggestedBandwidth, type BandwidthReason } from "./bandwidth-choice.js";
import { connectionHint, probeConnection } from "./connection-probe.js";

/** Each reason's words, named in full so the catalogue check sees them used. */
const REASON_WORDS = {
  "reason.link": "bandwidth.reason.link",
  "reason.cellular": "bandwidth.reason.cellular",
  "reason.slow": "bandwidth.reason.slow",
  "reason.lossy": "bandwidth.reason.lossy",
} as const satisfies Record<BandwidthReason, MessageKey>;

/**
 * The join screen's low-bandwidth checkbox: pre-ticked, with a one-line reason, when the link asks
 * for it, the browser reports a cellular or slow connection, or the connection check finds a slow or
 * lossy link. Once the person ticks or unticks it, their choice stands.
 */
export function BandwidthChoice({ onChange }: { onChange(mode: BandwidthMode): void }) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState(() => suggestedBandwidth(window.location.search, connectionHint(), null));
  const [touched, setTouched] = useState(false);

  useEffect(() => onChange(choice.mode), [choice.mode, onChange]);
  useEffect(() => {
    let alive = true;
    void probeConnection().then((probe) => {
      if (alive) setChoice((c) => (touched ? c : suggestedBandwidth(window.location.search, connectionHint(), probe)));
    });
    return () => {
      alive = false;
    };
  }, [touched]);

  const reason: BandwidthReason | null = touched ? null : choice.reason;
  return (
    <div className="field bandwidth-choice">
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={choice.mode === "low"}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setTouched(true);
            setChoice({ mode: e.target.checked ? "low" : "normal", reason: null });
          }}
        />{" "}
        {t("bandwidth.low")}
      </label>
      <small id={`${id}-hint`}>{reason ? t(REASON_WORDS[reason]) : t("bandwidth.lowHint")}</small>
    </div>
  );
}
