import type { MenuTab } from "../hand-menu/menu-tab.js";
import { SurveyQuestionsVr } from "./SurveyQuestionsVr.js";
import { useSurvey } from "./use-survey.js";

const TAB = "survey";

/** The post-session survey in the hand menu, answerable while the session runs (the same questions the end panel offers). */
function SurveyPanelVr() {
  const survey = useSurvey(true);
  return <SurveyQuestionsVr survey={survey} prefix="survey" tab={TAB} />;
}

const surveyTab: MenuTab = { id: TAB, labelKey: "survey.tab", order: 80, Panel: SurveyPanelVr, visible: (who) => !who.moderator };
export default surveyTab;
