import { DEFAULT_SURVEY, surveySettingsSchema, type SurveyQuestion, type SurveySettings } from "@otc/contract";
import { useEffect, useId, useState } from "react";
import { useT } from "../i18n/language-context.js";
import { questionText } from "./survey-api.js";

type Kind = SurveyQuestion["kind"];

/**
 * The console's survey editor: the questions participants get at the end (the default training
 * survey until changed), one added at a time, and whether answers keep names. Saved as a whole.
 */
export function SurveySettingsForm({ sessionId }: { sessionId: string }) {
  const t = useT();
  const ids = { kind: useId(), text: useId(), options: useId() };
  const url = `/api/sessions/${encodeURIComponent(sessionId)}/survey-settings`;
  const [settings, setSettings] = useState<SurveySettings>(DEFAULT_SURVEY);
  const [kind, setKind] = useState<Kind>("rating");
  const [text, setText] = useState("");
  const [options, setOptions] = useState("");
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    fetch(url, { credentials: "same-origin" })
      .then(async (r) => (r.ok ? setSettings(surveySettingsSchema.parse(await r.json())) : undefined))
      .catch(() => undefined);
  }, [url]);
  const change = (next: SurveySettings) => (setSettings(next), setSaid(null));
  const add = () => {
    const id = `q${Date.now().toString(36).slice(-6)}`;
    const list = options.split(",").map((o) => o.trim()).filter(Boolean);
    const q: SurveyQuestion = kind === "choice" ? { id, kind, text: text.trim(), options: list } : { id, kind, text: text.trim() };
    change({ ...settings, questions: [...settings.questions, q] });
    setText("");
    setOptions("");
  };
  const save = async () => {
    const res = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    setSaid(res.ok ? t("survey.edit.saved") : (body.error ?? String(res.status)));
  };
  const addable = text.trim() !== "" && (kind !== "choice" || options.split(",").filter((o) => o.trim()).length >= 2) && settings.questions.length < 12;
  return (
    <details className="survey-settings">
      <summary>{t("survey.edit.heading")}</summary>
      <ol>
        {settings.questions.map((q) => (
          <li key={q.id}>
            {questionText(t, q)}{" "}
            <button type="button" disabled={settings.questions.length <= 1} onClick={() => change({ ...settings, questions: settings.questions.filter((x) => x.id !== q.id) })}>
              {t("survey.edit.remove")}
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <label htmlFor={ids.kind}>{t("survey.edit.question")}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          <option value="rating">{t("survey.edit.kindRating")}</option>
          <option value="choice">{t("survey.edit.kindChoice")}</option>
          <option value="text">{t("survey.edit.kindText")}</option>
        </select>
        <input id={ids.text} aria-label={t("survey.edit.question")} maxLength={200} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        {kind === "choice" && <input id={ids.options} aria-label={t("survey.edit.options")} placeholder={t("survey.edit.options")} maxLength={400} value={options} onChange={(e) => setOptions(e.currentTarget.value)} />}
        <button type="button" disabled={!addable} onClick={add}>
          {t("survey.edit.add")}
        </button>
      </div>
      <label>
        <input type="checkbox" checked={settings.named} onChange={(e) => change({ ...settings, named: e.currentTarget.checked })} /> {t("survey.edit.named")}
      </label>
      <div className="row">
        <button type="button" onClick={() => void save()}>
          {t("survey.edit.save")}
        </button>
        <button type="button" onClick={() => change(DEFAULT_SURVEY)}>
          {t("survey.edit.reset")}
        </button>
      </div>
      {said && <p role="status">{said}</p>}
    </details>
  );
}
