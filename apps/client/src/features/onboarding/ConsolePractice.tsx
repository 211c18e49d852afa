import { useState } from "react";
import { useT } from "../i18n/language-context.js";

/** At most three simulated participants (the server's PRACTICE_BOTS_MAX). */
const COUNTS = [1, 2, 3] as const;

/**
 * Practice mode from the console: a facilitator rehearsing alone adds up to three simulated
 * participants to the session (real clients of the server: they walk, raise hands, answer polls)
 * and sends them away again (`POST` / `DELETE /api/sessions/<id>/practice-bots`).
 */
export function ConsolePractice({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [count, setCount] = useState<number>(3);
  const [running, setRunning] = useState<number | null>(null);
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const call = async (method: "POST" | "DELETE") => {
    setState("busy");
    try {
      const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/practice-bots`, {
        method,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        ...(method === "POST" ? { body: JSON.stringify({ count }) } : {}),
      });
      if (!res.ok) throw new Error(String(res.status));
      setRunning(((await res.json()) as { bots: number }).bots);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <section className="practice-console" aria-labelledby={`practice-${sessionId}`}>
      <h3 id={`practice-${sessionId}`}>{t("onboarding.rehearsal.title")}</h3>
      <p className="muted">{t("onboarding.rehearsal.what")}</p>
      <label>
        {t("onboarding.rehearsal.count")}{" "}
        <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
          {COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" disabled={state === "busy"} onClick={() => void call("POST")}>
        {t("onboarding.rehearsal.start")}
      </button>{" "}
      <button type="button" disabled={state === "busy" || !running} onClick={() => void call("DELETE")}>
        {t("onboarding.rehearsal.stop")}
      </button>
      <p role="status">{state === "failed" ? t("onboarding.rehearsal.failed") : running ? t("onboarding.rehearsal.running", { count: running }) : ""}</p>
    </section>
  );
}
