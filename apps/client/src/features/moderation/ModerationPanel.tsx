import { CAPACITY_MAX, REMOVE_REASON_MAX } from "@otc/contract";
import { useEffect, useMemo, useState } from "react";
import { BreakoutsSection } from "../breakouts/BreakoutsSection.js";
import { GatherSection } from "../gather/GatherSection.js";
import { isTypingTarget } from "../locomotion/keyboard.js";
import { useSession, useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { moderationActions } from "./moderation-client.js";
import { useModeration } from "./use-moderation.js";
import { matches } from "../a11y/shortcuts.js";

/** A facilitator's desktop panel: the hand queue, the lock and waiting room, capacity, removal and the blocked list. */
export function ModerationPanel() {
  const { room, selfId } = useSession();
  const moderator = useVoiceUi((s) => s.moderator);
  const people = useSessionUi((s) => s.participants);
  const m = useModeration();
  const t = useT();
  const act = useMemo(() => moderationActions(room), [room]);
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [capacity, setCapacity] = useState("");
  useEffect(() => {
    if (!moderator) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (matches(e, "callNext")) act.callNext();
      else if (matches(e, "doneSpeaking")) act.done();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [moderator, act]);
  if (!moderator) return null;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "…";
  const removable = people.filter((p) => p.id !== selfId && p.role !== "facilitator");
  return (
    <details className="hud facil" aria-label={t("facilitation.panel")}>
      {/* Folded by default (it would cover the room); the title counts what waits for the facilitator. */}
      <summary>
        {t("facilitation.title")}
        {m.hands.length > 0 && ` · ✋ ${m.hands.length}`}
        {m.waiting.length > 0 && ` · ⏳ ${m.waiting.length}`}
      </summary>
      <section aria-label={t("facilitation.handQueue")}>
        <h3>{t("facilitation.hands")}</h3>
        {m.hands.length === 0 ? (
          <p className="quiet">{t("facilitation.noHands")}</p>
        ) : (
          <ol aria-label={t("facilitation.handsInOrder")}>
            {m.hands.map((id) => (
              <li key={id} data-participant={id}>
                {nameOf(id)}
              </li>
            ))}
          </ol>
        )}
        {m.speaking && <p className="speaking">{t("facilitation.speaking", { name: nameOf(m.speaking) })}</p>}
        <div className="row">
          <button type="button" className="small" disabled={m.hands.length === 0} onClick={act.callNext} aria-keyshortcuts="N">
            {t("facilitation.callNext")}
          </button>
          <button type="button" className="small" disabled={!m.speaking} onClick={act.done} aria-keyshortcuts="U">
            {t("facilitation.done")}
          </button>
          <button type="button" className="small" disabled={m.hands.length === 0} onClick={act.lowerAll}>
            {t("facilitation.lowerAll")}
          </button>
        </div>
      </section>
      <section aria-label={t("facilitation.waiting")}>
        <label className="row">
          <input type="checkbox" checked={m.locked} onChange={(e) => act.lock(e.target.checked)} /> {m.locked ? t("facilitation.locked") : t("facilitation.lock")}
        </label>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(capacity);
            if (Number.isInteger(n) && n >= 1 && n <= CAPACITY_MAX) act.capacity(n);
            setCapacity("");
          }}
        >
          <span>{t("facilitation.capacityNow", { n: m.capacity })}</span>
          <input aria-label={t("facilitation.capacity")} type="number" min={1} max={CAPACITY_MAX} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          <button type="submit" className="small" disabled={!capacity}>
            {t("facilitation.setCapacity")}
          </button>
        </form>
        <h3>{t("facilitation.waiting")}</h3>
        {m.waiting.length === 0 ? (
          <p className="quiet">{t("facilitation.nobodyWaiting")}</p>
        ) : (
          <ul aria-label={t("facilitation.waitingPeople")}>
            {m.waiting.map((w) => (
              <li key={w.personId} className="row">
                <span className="name">{w.name}</span>
                <button type="button" className="small" onClick={() => act.admit(w.personId, true)} aria-label={t("facilitation.admitName", { name: w.name })}>
                  {t("facilitation.admit")}
                </button>
                <button type="button" className="small" onClick={() => act.admit(w.personId, false)} aria-label={t("facilitation.refuseName", { name: w.name })}>
                  {t("facilitation.refuse")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t("facilitation.remove")}>
        <h3>{t("facilitation.remove")}</h3>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!target || !reason.trim()) return; // the server refuses a removal without a reason
            act.remove(target, reason.trim());
            setTarget("");
            setReason("");
          }}
        >
          <select aria-label={t("facilitation.choose")} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t("facilitation.choose")}</option>
            {removable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <input required aria-label={t("facilitation.reason")} placeholder={t("facilitation.reason")} maxLength={REMOVE_REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="small danger" disabled={!target || !reason.trim()}>
            {t("facilitation.removeButton")}
          </button>
        </form>
        {m.blocked.length > 0 && (
          <>
            <h3>{t("facilitation.blocked")}</h3>
            <ul aria-label={t("facilitation.removedPeople")}>
              {m.blocked.map((b) => (
                <li key={b.personId} className="row">
                  <span className="name">{b.name}</span>
                  <button type="button" className="small" onClick={() => act.unblock(b.personId)} aria-label={t("facilitation.allowName", { name: b.name })}>
                    {t("facilitation.allow")}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <BreakoutsSection />
      <GatherSection />
      <p className="quiet">{t("facilitation.shortcuts")}</p>
    </details>
  );
}
