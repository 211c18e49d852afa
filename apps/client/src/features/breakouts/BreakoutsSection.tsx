import { BREAKOUT_GROUPS_LIMIT } from "@otc/contract";
import { useState } from "react";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { DraggableGroups } from "./DraggableGroups.js";
import { GalleryControls, PreparedPlans } from "./PreparedPlans.js";
import { useBreakoutCountdown, useBreakouts, useBreakoutsUi } from "./use-breakouts.js";

/** Rooms a facilitator may send groups to (room templates shipped with the server; breakout pods first). */
export const BREAKOUT_ROOMS = ["breakout-pods", "meeting-room", "classroom", "training-room"] as const;

/** Parses "Ada, Ben\nCyd" into names per group (empty lines and names dropped). */
export function parseList(text: string): string[][] {
  return text.split("\n").map((line) => line.split(",").map((n) => n.trim()).filter(Boolean)).filter((g) => g.length > 0);
}

/**
 * The facilitator's breakout section (inside the facilitation panel, main room only): split into
 * groups at random or by a list, move people by hand, choose the room and minutes, start; while it
 * runs: the time left, a message to every group, a visit to each group, and an early end.
 */
export function BreakoutsSection() {
  const t = useT();
  const client = useBreakouts();
  const state = useBreakoutsUi((s) => s.state);
  const moderator = useBreakoutsUi((s) => s.moderator);
  const countdown = useBreakoutCountdown();
  const [groups, setGroups] = useState("2");
  const [list, setList] = useState("");
  const [minutes, setMinutes] = useState("10");
  const [room, setRoom] = useState<string>(BREAKOUT_ROOMS[0]);
  const [text, setText] = useState("");
  const boards = useSession().layout.boards.map((b) => b.id);
  if (!moderator || state?.where !== "main") return null;
  const plan = state.plan;
  const running = state.running;
  const n = Math.max(1, Math.min(BREAKOUT_GROUPS_LIMIT, Number(groups) || 1));
  return (
    <section className="breakouts" aria-label={t("breakouts.panel")}>
      <h3>{t("breakouts.title")}</h3>
      {running && countdown ? (
        <>
          <p className="speaking">{t("breakouts.running", { time: countdown.text })}</p>
          <ol>
            {running.groups.map((g, i) => (
              <li key={g.title} className="row">
                <span className="name">{`${t("breakouts.group", { n: i + 1 })}: ${g.people.map((id) => plan?.names[id] ?? "…").join(", ")}`}</span>
                <button type="button" className="small" aria-label={t("breakouts.visitLabel", { n: i + 1 })} onClick={() => client.visit(i)}>
                  {t("breakouts.visit")}
                </button>
              </li>
            ))}
          </ol>
          <form className="row" onSubmit={(e) => (e.preventDefault(), text.trim() && client.broadcast(text), setText(""))}>
            <input aria-label={t("breakouts.message")} placeholder={t("breakouts.message")} maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="small" disabled={!text.trim()}>{t("breakouts.send")}</button>
          </form>
          <button type="button" className="small danger" onClick={() => client.end()}>{t("breakouts.endNow")}</button>
        </>
      ) : (
        <>
          <PreparedPlans />
          <GalleryControls boards={boards} />
          <div className="row">
            <label className="row">
              {t("breakouts.groups")}
              <input type="number" min={1} max={BREAKOUT_GROUPS_LIMIT} value={groups} onChange={(e) => setGroups(e.target.value)} aria-label={t("breakouts.groups")} />
            </label>
            <button type="button" className="small" onClick={() => client.plan({ groups: n, how: "random", list: [] })}>{t("breakouts.random")}</button>
          </div>
          <textarea rows={2} aria-label={t("breakouts.list")} placeholder={t("breakouts.list")} value={list} onChange={(e) => setList(e.target.value)} />
          <button type="button" className="small" disabled={parseList(list).length === 0} onClick={() => client.plan({ groups: parseList(list).length, how: "list", list: parseList(list) })}>
            {t("breakouts.byList")}
          </button>
          {!plan ? (
            <p className="quiet">{t("breakouts.noPlan")}</p>
          ) : (
            <DraggableGroups
              columns={[
                ...plan.groups.map((members, i) => ({ target: i, title: t("breakouts.group", { n: i + 1 }), members })),
                { target: -1, title: t("breakouts.mainRoom"), members: Object.keys(plan.names).filter((id) => !plan.groups.some((g) => g.includes(id))) },
              ]}
              label={(id) => plan.names[id] ?? "…"}
              menuLabel={(id) => t("breakouts.moveLabel", { name: plan.names[id] ?? "…" })}
              onMove={(id, to) => client.move(id, to)}
            />
          )}
          <div className="row">
            <label className="row">
              {t("breakouts.minutes")}
              <input type="number" min={1} max={240} step="any" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label={t("breakouts.minutes")} />
            </label>
            <select aria-label={t("breakouts.room")} value={room} onChange={(e) => setRoom(e.target.value)}>
              {BREAKOUT_ROOMS.map((r) => (
                <option key={r} value={r}>{r}</option>
              ))}
            </select>
          </div>
          <button type="button" className="small" disabled={!plan || plan.groups.every((g) => g.length === 0)} onClick={() => client.start(Math.max(10, Math.round(Number(minutes) * 60) || 600), room)}>
            {t("breakouts.start")}
          </button>
        </>
      )}
    </section>
  );
}
