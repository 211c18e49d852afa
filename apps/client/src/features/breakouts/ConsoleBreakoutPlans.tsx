import { BREAKOUT_GROUPS_LIMIT, PREPARED_PERSON_MAX, PREPARED_PLAN_NAME_MAX, type PreparedPlan, type PreparedPlanBody } from "@otc/contract";
import { moveMember } from "@otc/breakouts";
import { useEffect, useMemo, useState } from "react";
import { errorWording } from "../connection/error-text.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { BREAKOUT_ROOMS } from "./BreakoutsSection.js";
import { DraggableGroups } from "./DraggableGroups.js";
import { planApi } from "./plan-api.js";
import "./breakouts.css";

const blank = (): PreparedPlan => ({ id: `plan-${crypto.randomUUID().slice(0, 8)}`, name: "", how: "list", seconds: 15 * 60, groups: [{ room: BREAKOUT_ROOMS[0], people: [] }, { room: BREAKOUT_ROOMS[0], people: [] }] });

/** Resizes a plan to `n` groups; people of groups taken away join the last group kept. */
function resize(groups: PreparedPlan["groups"], n: number): PreparedPlan["groups"] {
  const kept = groups.slice(0, n).map((g) => ({ ...g, people: [...g.people] }));
  while (kept.length < n) kept.push({ room: kept.at(-1)?.room ?? BREAKOUT_ROOMS[0], people: [] });
  for (const g of groups.slice(n)) kept[n - 1]!.people.push(...g.people.filter((p) => !kept.some((k) => k.people.includes(p))));
  return kept;
}

/**
 * The console's breakout plans for one session: prepared before it starts (groups, the room of
 * each, who goes where by name or person id, minutes), with names dragged between groups or moved
 * with each name's menu; the facilitator starts one from the room's breakout panel.
 */
export function ConsoleBreakoutPlans({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const t = useT();
  const api = useMemo(() => planApi(sessionId), [sessionId]);
  const [plans, setPlans] = useState<PreparedPlan[]>([]);
  const [draft, setDraft] = useState<PreparedPlan | null>(null);
  const [adding, setAdding] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: Wording | string } | null>(null);
  const fail = (e: unknown) => setMessage({ ok: false, text: errorWording(e) });

  useEffect(() => void api.list().then(setPlans, fail), [api]);

  const save = async () => {
    if (!draft) return;
    const { id, ...body } = draft;
    try {
      const saved = await api.save(id, body satisfies PreparedPlanBody);
      setPlans((ps) => [...ps.filter((p) => p.id !== id), saved].sort((a, b) => a.id.localeCompare(b.id)));
      setDraft(null);
      setMessage({ ok: true, text: { key: "breakoutplans.console.saved" } });
    } catch (e) {
      fail(e);
    }
  };
  const remove = async (id: string) => {
    try {
      await api.remove(id);
      setPlans((ps) => ps.filter((p) => p.id !== id));
      setMessage({ ok: true, text: { key: "breakoutplans.console.deleted" } });
    } catch (e) {
      fail(e);
    }
  };
  const change = (patch: Partial<PreparedPlan>) => setDraft((d) => d && { ...d, ...patch });
  const setPeople = (people: string[][]) => setDraft((d) => d && { ...d, groups: d.groups.map((g, i) => ({ ...g, people: people[i] ?? [] })) });
  const add = (i: number) => {
    const name = (adding[i] ?? "").trim();
    if (!draft || !name) return;
    setPeople(moveMember(draft.groups.map((g) => g.people), name, i));
    setAdding((a) => Object.assign([...a], { [i]: "" }));
  };

  return (
    <section aria-label={t("breakoutplans.console.heading")} className="breakouts console-plans">
      <h3>{t("breakoutplans.console.heading")}</h3>
      <p className="muted">{t("breakoutplans.console.intro")}</p>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{word(t, message.text)}</p>}
      {plans.length === 0 ? (
        <p className="muted">{t("breakoutplans.console.none")}</p>
      ) : (
        <ul>
          {plans.map((p) => (
            <li key={p.id} className="row">
              <span className="name">
                {p.name} · {t("breakoutplans.console.summary", { groups: p.groups.length, minutes: Math.round(p.seconds / 60), how: t(p.how === "random" ? "breakoutplans.console.random" : "breakoutplans.console.list") })}
              </span>
              {!ended && (
                <>
                  <button type="button" className="small" onClick={() => setDraft(structuredClone(p))}>{t("breakoutplans.console.edit")}</button>
                  <button type="button" className="small danger" onClick={() => void remove(p.id)}>{t("breakoutplans.console.delete")}</button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!ended && !draft && (
        <button type="button" onClick={() => setDraft(blank())}>{t("breakoutplans.console.new")}</button>
      )}
      {draft && (
        <form className="console-plan-form" onSubmit={(e) => (e.preventDefault(), void save())}>
          <label>
            {t("breakoutplans.console.name")} <input value={draft.name} maxLength={PREPARED_PLAN_NAME_MAX} onChange={(e) => change({ name: e.target.value })} />
          </label>
          <label>
            {t("breakoutplans.console.how")}{" "}
            <select value={draft.how} onChange={(e) => change({ how: e.target.value as PreparedPlan["how"] })}>
              <option value="list">{t("breakoutplans.console.list")}</option>
              <option value="random">{t("breakoutplans.console.random")}</option>
            </select>
          </label>
          <label>
            {t("breakoutplans.console.groups")} <input type="number" min={1} max={BREAKOUT_GROUPS_LIMIT} value={draft.groups.length} onChange={(e) => change({ groups: resize(draft.groups, Math.max(1, Math.min(BREAKOUT_GROUPS_LIMIT, Number(e.target.value) || 1))) })} />
          </label>
          <label>
            {t("breakoutplans.console.minutes")} <input type="number" min={1} max={240} value={Math.round(draft.seconds / 60)} onChange={(e) => change({ seconds: Math.max(60, Math.min(240 * 60, Math.round(Number(e.target.value) * 60) || 60)) })} />
          </label>
          <DraggableGroups
            columns={draft.groups.map((g, i) => ({
              target: i,
              title: t("breakouts.group", { n: i + 1 }),
              members: draft.how === "list" ? g.people : [],
              extra: (
                <>
                  <select aria-label={t("breakoutplans.console.room", { n: i + 1 })} value={g.room} onChange={(e) => change({ groups: draft.groups.map((x, j) => (j === i ? { ...x, room: e.target.value } : x)) })}>
                    {BREAKOUT_ROOMS.map((r) => (
                      <option key={r} value={r}>{r}</option>
                    ))}
                  </select>
                  {draft.how === "list" && (
                    <span className="row">
                      <input aria-label={t("breakoutplans.console.add", { n: i + 1 })} maxLength={PREPARED_PERSON_MAX} value={adding[i] ?? ""} onChange={(e) => setAdding((a) => Object.assign([...a], { [i]: e.target.value }))} onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), add(i))} />
                      <button type="button" className="small" onClick={() => add(i)}>{t("breakoutplans.console.addButton")}</button>
                    </span>
                  )}
                </>
              ),
            }))}
            label={(m) => m}
            menuLabel={(m) => t("breakoutplans.moveTo", { name: m })}
            onMove={(m, to) => setPeople(moveMember(draft.groups.map((g) => g.people), m, to))}
            onRemove={(m) => setPeople(draft.groups.map((g) => g.people.filter((p) => p !== m)))}
          />
          <button type="submit" disabled={!draft.name.trim()}>{t("breakoutplans.console.save")}</button>
        </form>
      )}
    </section>
  );
}
