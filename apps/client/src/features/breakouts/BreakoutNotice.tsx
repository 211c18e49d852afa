import { useEffect } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { useBreakoutCountdown, useBreakouts, useBreakoutsUi } from "./use-breakouts.js";
import "./breakouts.css";

/**
 * What everyone sees of breakouts, on desktop and (through the session's notice) in VR: the page
 * follows each invitation it is sent (to its group, a visit, back to the main room) in place with
 * `switchRoom`, so VR stays VR and the microphone goes on; in a group, which group it is and the time
 * left, the 30 s warning, and the facilitators' messages.
 */
export function BreakoutNotice() {
  const t = useT();
  const { switchRoom, store } = useSession();
  const client = useBreakouts();
  const pending = useBreakoutsUi((s) => s.pending);
  const state = useBreakoutsUi((s) => s.state);
  const message = useBreakoutsUi((s) => s.message);
  const moderator = useBreakoutsUi((s) => s.moderator);
  const countdown = useBreakoutCountdown();

  const follow = () => {
    const go = client.ui.getState().pending;
    if (!go) return;
    const url = new URL(go.path, window.location.origin);
    const sessionId = url.pathname.split("/").pop() ?? "";
    const link = url.searchParams.get("k") ?? "";
    void switchRoom({ sessionId, link, title: go.title }, { room: go.room }).then((ok) => ok && client.followed());
  };
  useEffect(() => {
    if (pending) follow();
    // follow reads the store, not this render's values
  }, [pending]);

  // In VR the page's overlay is not seen: the warning (its time kept current) and messages go to the VR notice.
  const warning = countdown?.phase === "warning";
  const inVr = useSessionUi((s) => s.inVr);
  const warningText = warning && inVr ? countdown.text : null;
  useEffect(() => {
    if (warningText) store.getState().setNotice({ key: "breakouts.warning", params: { time: warningText } });
  }, [warningText, store]);
  useEffect(() => {
    if (message && store.getState().inVr) store.getState().setNotice({ key: "breakouts.from", params: { from: message.from, text: message.text } });
  }, [message, store]);

  const group = state?.where === "group" ? state.group : null;
  if (!group && !pending) return null;
  return (
    <div className={`hud breakout-notice${warning ? " warning" : ""}`} role="status" aria-label={t("breakouts.panel")}>
      {group && countdown && (
        <p className="when">
          {warning ? t("breakouts.warning", { time: countdown.text }) : t("breakouts.inGroup", { n: group.index + 1, main: group.mainTitle, time: countdown.text })}
        </p>
      )}
      {group && message && <p className="message">{t("breakouts.from", { from: message.from, text: message.text })}</p>}
      {pending && (
        <button type="button" className="small" onClick={follow}>
          {t("breakouts.goNow", { title: pending.title })}
        </button>
      )}
      {group && moderator && !pending && (
        <button type="button" className="small" onClick={() => client.back()}>
          {t("breakouts.back")}
        </button>
      )}
    </div>
  );
}
