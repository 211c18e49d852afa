import { agendaMinutes } from "@otc/timer";
import { useEffect, useState } from "react";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { agendaText, parseAgenda } from "./agenda-text.js";
import { useCountdown, useTimer, useTimerUi } from "./use-timer.js";
import "./timer.css";

/**
 * The countdown and the current agenda item in the desktop HUD, for everyone; a facilitator also
 * starts and stops the timer, writes the agenda and marks the current item. Plays the chime (for
 * VR people too: this overlay stays mounted) when the countdown reaches zero.
 */
export function TimerHud() {
  const timer = useTimer();
  const t = useT();
  const { layout } = useSession();
  const running = useTimerUi((s) => s.timer);
  const agenda = useTimerUi((s) => s.agenda);
  const moderator = useTimerUi((s) => s.moderator);
  const countdown = useCountdown();
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState("5");
  const [label, setLabel] = useState("");
  const [screenId, setScreenId] = useState(layout.screens[0]?.id ?? "");
  const [draftAgenda, setDraftAgenda] = useState("");

  useEffect(() => {
    const id = setInterval(() => timer.tick() && timer.chime(), 200);
    return () => clearInterval(id);
  }, [timer]);
  useEffect(() => setDraftAgenda(agendaText(agenda.items)), [agenda.items]);

  const current = agenda.items[agenda.current];
  if (!moderator && !running && !current) return null;
  const ended = countdown === "0:00";
  return (
    <section className="hud timer-hud" aria-label={t("timer.heading")} onKeyDown={(e) => e.stopPropagation()}>
      {running && (
        <div className={`timer-count${ended ? " ended" : ""}`} data-timer={countdown ?? ""}>
          {running.label && <span className="timer-label">{running.label}</span>}
          <span className="timer-digits">{ended ? t("timer.timeUp") : countdown}</span>
        </div>
      )}
      {current && (
        <div className="timer-agenda-now" data-agenda-current={agenda.current}>
          {t("timer.now", { title: current.title, minutes: current.minutes })}
        </div>
      )}
      {moderator && (
        <button type="button" className="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t("timer.hide") : t("timer.edit")}
        </button>
      )}
      {moderator && open && (
        <div className="timer-edit">
          <form
            className="timer-row"
            onSubmit={(e) => {
              e.preventDefault();
              const m = Number(minutes);
              if (m > 0) timer.start(Math.round(m * 60), label, screenId || null);
            }}
          >
            <label>
              {t("timer.minutes")}
              <input type="number" min={0.05} max={240} step="any" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
            </label>
            <label>
              {t("timer.label")}
              <input value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
            </label>
            <label>
              {t("timer.onScreen")}
              <select value={screenId} onChange={(e) => setScreenId(e.target.value)}>
                <option value="">{t("timer.noScreen")}</option>
                {layout.screens.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t("timer.start")}</button>
            {running && (
              <button type="button" onClick={() => timer.stop()}>
                {t("timer.stop")}
              </button>
            )}
          </form>
          <label className="timer-agenda-edit">
            {t("timer.agenda")}
            <textarea rows={4} value={draftAgenda} onChange={(e) => setDraftAgenda(e.target.value)} />
          </label>
          <button type="button" className="small" onClick={() => timer.setAgenda(parseAgenda(draftAgenda))}>
            {t("timer.saveAgenda")}
          </button>
          <ol className="timer-agenda">
            {agenda.items.map((item, i) => (
              <li key={i} className={i === agenda.current ? "current" : ""}>
                <span>
                  {t("timer.item", { title: item.title, minutes: item.minutes })}
                </span>
                {i !== agenda.current && (
                  <button type="button" className="small" onClick={() => timer.markCurrent(i)}>
                    {t("timer.mark")}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {agenda.items.length > 0 && <div className="timer-planned">{t("timer.planned", { n: agendaMinutes(agenda).total })}</div>}
        </div>
      )}
    </section>
  );
}
