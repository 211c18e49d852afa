import { Container, Text } from "@react-three/uikit";
import { useState, type ReactNode } from "react";
import { useT } from "../i18n/language-context.js";
import { word } from "../i18n/wording.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UiKeyboard } from "../xr-ui/UiKeyboard.js";
import { UI } from "../xr-ui/ui-theme.js";
import { optionText, questionText } from "./survey-api.js";
import type { useSurvey } from "./use-survey.js";

export type SurveyState = ReturnType<typeof useSurvey>;

/**
 * The survey's questions in VR, a question at a page: ratings and choices as buttons, written answers
 * on the in-world keyboard (whose last key moves on, or sends on the last page). Shared by the hand
 * menu's Survey tab and the panel offered when the session ends; `prefix` names its buttons (test
 * hooks, tab), `sendAnyPage` offers Send beside → on every page (at the end, one rating may be all
 * a person gives), `after` adds buttons to the bottom row.
 */
export function SurveyQuestionsVr({ survey, prefix, tab, sendAnyPage = false, after }: { survey: SurveyState; prefix: string; tab: string; sendAnyPage?: boolean; after?: ReactNode }) {
  const t = useT();
  const [page, setPage] = useState(0);
  const { form, phase } = survey;
  if (phase !== "open" && phase !== "sending") {
    return <Text fontSize={UI.fontSize} color={UI.text}>{phase === "already" ? t("survey.already") : phase === "sent" ? t("survey.thanks") : ""}</Text>;
  }
  const questions = form?.questions ?? [];
  const q = questions[Math.min(page, questions.length - 1)];
  if (!q) return null;
  const value = survey.answers[q.id];
  const last = page >= questions.length - 1;
  const sendLabel = t(phase === "sending" ? "survey.sending" : "survey.send");
  const sendDisabled = phase === "sending" || Object.keys(survey.answers).length === 0;
  const send = () => void survey.send();
  const next = () => setPage(page + 1);
  return (
    <Container flexDirection="column" gap={8}>
      <Text fontSize={UI.small} color={UI.muted}>{`${t("survey.title")} · ${page + 1}/${questions.length}`}</Text>
      <Text fontSize={UI.fontSize} color={UI.text}>{questionText(t, q)}</Text>
      {q.kind === "rating" && (
        <Container flexDirection="row" gap={6}>
          {[1, 2, 3, 4, 5].map((n) => (
            <UiButton key={n} id={`${prefix}:${q.id}:${n}`} tab={tab} label={String(n)} selected={value === n} onPress={() => survey.answer(q.id, n)} />
          ))}
        </Container>
      )}
      {q.kind === "choice" && (
        <Container flexDirection="row" gap={6} flexWrap="wrap">
          {q.options.map((o, i) => (
            <UiButton key={o} id={`${prefix}:${q.id}:${i}`} tab={tab} label={optionText(t, q, o)} fontSize={13} selected={value === i} onPress={() => survey.answer(q.id, i)} />
          ))}
        </Container>
      )}
      {q.kind === "text" && (
        <>
          <Text fontSize={UI.small} color={typeof value === "string" ? UI.text : UI.muted}>{typeof value === "string" ? t("survey.vrDraft", { text: value }) : t("survey.vrType")}</Text>
          <UiKeyboard tab={tab} onKey={(key) => survey.type(q.id, key)} submit={last ? { label: sendLabel, disabled: sendDisabled, onPress: send } : { label: "→", disabled: false, onPress: next }} />
        </>
      )}
      {survey.error && <Text fontSize={UI.small} color={UI.bad}>{t("survey.failed", { reason: word(t, survey.error) })}</Text>}
      {(q.kind !== "text" || sendAnyPage || after) && (
        <Container flexDirection="row" gap={8}>
          {q.kind !== "text" && !last && <UiButton id={`${prefix}:next`} tab={tab} label="→" onPress={next} />}
          {(last ? q.kind !== "text" : sendAnyPage) && <UiButton id={`${prefix}:send`} tab={tab} label={sendLabel} disabled={sendDisabled} onPress={send} />}
          {after}
        </Container>
      )}
    </Container>
  );
}
