import { CAPACITY_MAX, REMOVE_REASON_MAX } from "@otc/contract";
import { useEffect, useMemo, useState } from "react";
import { BreakoutsSection } from "../breakouts/BreakoutsSection.js";
import { GatherSection } from "../gather/GatherSection.js";
import { isTypingTarget } from "../locomotion/keyboard.js";
import { useSession, useSessionUi } from "../../session-context.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { moderationActions } from "./moderation-client.js";
import { useModeration } from "./use-moderation.js";

/** Words of this panel (English; the catalogue merge moves them). */
export const MODERATION_TEXT = {
  title: "Facilitation",
  hands: "Raised hands",
  noHands: "No hand is up.",
  callNext: "Call on next",
  done: "Done",
  lowerAll: "Lower all",
  speaking: (name: string) => `${name} has the floor`,
  lock: "Lock the session",
  locked: "Locked: newcomers wait",
  capacity: "Capacity",
  setCapacity: "Set",
  waiting: "Waiting room",
  nobodyWaiting: "Nobody is waiting.",
  admit: "Admit",
  refuse: "Refuse",
  remove: "Remove someone",
  choose: "Choose a person",
  reason: "Reason they will see",
  removeButton: "Remove",
  blocked: "Removed (cannot rejoin)",
  allow: "Allow again",
  shortcuts: "Keys: N call on next · U done",
} as const;

/** A facilitator's desktop panel: the hand queue, the lock and waiting room, capacity, removal and the blocked list. */
export function ModerationPanel() {
  const { room, selfId } = useSession();
  const moderator = useVoiceUi((s) => s.moderator);
  const people = useSessionUi((s) => s.participants);
  const m = useModeration();
  const act = useMemo(() => moderationActions(room), [room]);
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [capacity, setCapacity] = useState("");
  useEffect(() => {
    if (!moderator) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key.toLowerCase() === "n") act.callNext();
      else if (e.key.toLowerCase() === "u") act.done();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [moderator, act]);
  if (!moderator) return null;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "…";
  const removable = people.filter((p) => p.id !== selfId && p.role !== "facilitator");
  const T = MODERATION_TEXT;
  return (
    <details className="hud facil" aria-label="Facilitation panel">
      {/* Folded by default (it would cover the room); the title counts what waits for the facilitator. */}
      <summary>
        {T.title}
        {m.hands.length > 0 && ` · ✋ ${m.hands.length}`}
        {m.waiting.length > 0 && ` · ⏳ ${m.waiting.length}`}
      </summary>
      <section aria-label="Hand queue">
        <h3>{T.hands}</h3>
        {m.hands.length === 0 ? (
          <p className="quiet">{T.noHands}</p>
        ) : (
          <ol aria-label="Raised hands in order">
            {m.hands.map((id) => (
              <li key={id} data-participant={id}>
                {nameOf(id)}
              </li>
            ))}
          </ol>
        )}
        {m.speaking && <p className="speaking">{T.speaking(nameOf(m.speaking))}</p>}
        <div className="row">
          <button type="button" className="small" disabled={m.hands.length === 0} onClick={act.callNext} aria-keyshortcuts="N">
            {T.callNext}
          </button>
          <button type="button" className="small" disabled={!m.speaking} onClick={act.done} aria-keyshortcuts="U">
            {T.done}
          </button>
          <button type="button" className="small" disabled={m.hands.length === 0} onClick={act.lowerAll}>
            {T.lowerAll}
          </button>
        </div>
      </section>
      <section aria-label="Waiting room">
        <label className="row">
          <input type="checkbox" checked={m.locked} onChange={(e) => act.lock(e.target.checked)} /> {m.locked ? T.locked : T.lock}
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
          <span>{`${T.capacity}: ${m.capacity}`}</span>
          <input aria-label={T.capacity} type="number" min={1} max={CAPACITY_MAX} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          <button type="submit" className="small" disabled={!capacity}>
            {T.setCapacity}
          </button>
        </form>
        <h3>{T.waiting}</h3>
        {m.waiting.length === 0 ? (
          <p className="quiet">{T.nobodyWaiting}</p>
        ) : (
          <ul aria-label="Waiting people">
            {m.waiting.map((w) => (
              <li key={w.personId} className="row">
                <span className="name">{w.name}</span>
                <button type="button" className="small" onClick={() => act.admit(w.personId, true)} aria-label={`Admit ${w.name}`}>
                  {T.admit}
                </button>
                <button type="button" className="small" onClick={() => act.admit(w.personId, false)} aria-label={`Refuse ${w.name}`}>
                  {T.refuse}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={T.remove}>
        <h3>{T.remove}</h3>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!target) return;
            act.remove(target, reason.trim());
            setTarget("");
            setReason("");
          }}
        >
          <select aria-label={T.choose} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{T.choose}</option>
            {removable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <input aria-label={T.reason} placeholder={T.reason} maxLength={REMOVE_REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="small danger" disabled={!target}>
            {T.removeButton}
          </button>
        </form>
        {m.blocked.length > 0 && (
          <>
            <h3>{T.blocked}</h3>
            <ul aria-label="Removed people">
              {m.blocked.map((b) => (
                <li key={b.personId} className="row">
                  <span className="name">{b.name}</span>
                  <button type="button" className="small" onClick={() => act.unblock(b.personId)} aria-label={`Allow ${b.name} again`}>
                    {T.allow}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <BreakoutsSection />
      <GatherSection />
      <p className="quiet">{T.shortcuts}</p>
    </details>
  );
}
