import { Container, Text } from "@react-three/uikit";
import { useState } from "react";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { word } from "../i18n/wording.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UiKeyboard } from "../xr-ui/UiKeyboard.js";
import { UI } from "../xr-ui/ui-theme.js";
import { optionText, questionText } from "./survey-api.js";
import { useSurvey } from "./use-survey.js";

const TAB = "survey";

/**
 * The post-session survey in VR, a question at a page: ratings and choices as buttons, written
 * answers on the in-world keyboard (whose last key moves on, or sends on the last page).
 */
function SurveyPanelVr() {
  const t = useT();
  const survey = useSurvey(true);
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
  return (
    <Container flexDirection="column" gap={8}>
      <Text fontSize={UI.small} color={UI.muted}>{`${t("survey.title")} · ${page + 1}/${questions.length}`}</Text>
      <Text fontSize={UI.fontSize} color={UI.text}>{questionText(t, q)}</Text>
      {q.kind === "rating" && (
        <Container flexDirection="row" gap={6}>
          {[1, 2, 3, 4, 5].map((n) => (
            <UiButton key={n} id={`survey:${q.id}:${n}`} tab={TAB} label={String(n)} selected={value === n} onPress={() => survey.answer(q.id, n)} />
          ))}
        </Container>
      )}
      {q.kind === "choice" && (
        <Container flexDirection="row" gap={6} flexWrap="wrap">
          {q.options.map((o, i) => (
            <UiButton key={o} id={`survey:${q.id}:${i}`} tab={TAB} label={optionText(t, q, o)} fontSize={13} selected={value === i} onPress={() => survey.answer(q.id, i)} />
          ))}
        </Container>
      )}
      {q.kind === "text" && (
        <>
          <Text fontSize={UI.small} color={typeof value === "string" ? UI.text : UI.muted}>{typeof value === "string" ? t("survey.vrDraft", { text: value }) : t("survey.vrType")}</Text>
          <UiKeyboard
            tab={TAB}
            onKey={(key) => survey.type(q.id, key)}
            submit={last ? { label: sendLabel, disabled: sendDisabled, onPress: () => void survey.send() } : { label: "→", disabled: false, onPress: () => setPage(page + 1) }}
          />
        </>
      )}
      {survey.error && <Text fontSize={UI.small} color={UI.bad}>{t("survey.failed", { reason: word(t, survey.error) })}</Text>}
      {q.kind !== "text" && (
        <Container flexDirection="row" gap={8}>
          {last ? (
            <UiButton id="survey:send" tab={TAB} label={sendLabel} disabled={sendDisabled} onPress={() => void survey.send()} />
          ) : (
            <UiButton id="survey:next" tab={TAB} label="→" onPress={() => setPage(page + 1)} />
          )}
        </Container>
      )}
    </Container>
  );
}

const surveyTab: MenuTab = { id: TAB, labelKey: "survey.tab", order: 80, Panel: SurveyPanelVr, visible: (who) => !who.moderator };
export default surveyTab;
