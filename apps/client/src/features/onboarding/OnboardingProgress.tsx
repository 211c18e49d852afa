import type { OnboardingTablePayload } from "@otc/contract";
import { isStuck } from "@otc/onboarding";
import { useEffect, useState } from "react";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { goToPerson } from "./go-to-person.js";
import type { OnboardingClient } from "./onboarding-client.js";
import { onStepFor, stepNameOf } from "./onboarding-words.js";
import { onboardingOf, useOnboardingUi } from "./use-onboarding.js";

/** One row of the facilitator's table as shown: the person's step, time on it, and the flags. */
export interface ProgressRow {
  personId: string;
  id: string | null;
  name: string;
  done: boolean;
  stuck: boolean;
  connected: boolean;
  step: OnboardingTablePayload["people"][number]["step"];
  index: number;
  count: number;
  onStepMs: number;
}

/** The table's rows at `serverNow`: the stuck first, then those in progress, the finished last. */
export function progressRows(table: OnboardingTablePayload, serverNow: number, stuckAfterMs: number): ProgressRow[] {
  const rows = table.people.map((p) => {
    const done = p.completedAt !== null && p.step === null;
    const onStepMs = serverNow - p.stepSince;
    return { personId: p.personId, id: p.id, name: p.name, done, stuck: !done && p.connected && isStuck(p.stepSince, serverNow, stuckAfterMs), connected: p.connected, step: p.step, index: p.index, count: p.count, onStepMs };
  });
  const rank = (r: ProgressRow) => (r.stuck ? 0 : r.done ? 2 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Rows refreshed once a second (time on step moves on its own). */
export function useProgressRows(client: OnboardingClient): ProgressRow[] {
  const table = useOnboardingUi(client, (s) => s.table);
  const [now, setNow] = useState(() => client.serverNow());
  useEffect(() => {
    const id = window.setInterval(() => setNow(client.serverNow()), 1000);
    return () => window.clearInterval(id);
  }, [client]);
  return table ? progressRows(table, Math.max(now, client.serverNow() - 1000), client.params.stuckAfterMs) : [];
}

/**
 * The facilitator's live onboarding table (desktop): each person's step, time on it, "stuck" after
 * the threshold; a click brings the facilitator next to that person.
 */
export function OnboardingProgress({ client }: { client: OnboardingClient }) {
  const session = useSession();
  const t = useT();
  const rows = useProgressRows(client);
  const stuck = rows.filter((r) => r.stuck).length;
  return (
    // Folded at first, as the other facilitator panels: the title counts who is stuck.
    <details className="hud onboarding-progress" aria-label={t("onboarding.progress.title")}>
      <summary>
        {t("onboarding.progress.title")}
        {stuck > 0 && <strong className="onboarding-flag">{` · ${t("onboarding.progress.stuckCount", { count: stuck })}`}</strong>}
      </summary>
      {rows.length === 0 && <p className="onboarding-none">{t("onboarding.progress.none")}</p>}
      <ul>
        {rows.map((r) => (
          <li key={r.personId} data-person={r.name} data-state={r.done ? "done" : r.stuck ? "stuck" : "progress"} className={r.stuck ? "stuck" : undefined}>
            <button type="button" disabled={!r.id} title={t("onboarding.progress.goTo", { name: r.name })} onClick={() => r.id && goToPerson(session, r.id)}>
              <span className="onboarding-name">{r.name}</span>
              <span>{r.done ? t("onboarding.progress.done") : r.step ? t("onboarding.progress.onStep", { step: stepNameOf(t, r.step), n: r.index + 1, count: r.count }) : ""}</span>
              {!r.done && <span className="onboarding-time">{onStepFor(r.onStepMs)}</span>}
              {r.stuck && <strong className="onboarding-flag">{t("onboarding.progress.stuck")}</strong>}
              {!r.connected && <span className="onboarding-away">{t("onboarding.progress.away")}</span>}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The facilitator's table in the facilitation column (mounted beside the facilitation and chat panels); nothing for others. */
export function OnboardingProgressPanel() {
  const client = onboardingOf(useSession());
  const moderator = useOnboardingUi(client, (s) => s.table !== null);
  return moderator ? <OnboardingProgress client={client} /> : null;
}
