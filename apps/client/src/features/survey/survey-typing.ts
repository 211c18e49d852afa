import { SURVEY_TEXT_MAX, type SurveyAnswers } from "@otc/contract";
import { applyKey, type KeyboardKey } from "../xr-ui/keyboard-keys.js";

/**
 * One in-world keyboard press on a written survey answer (the VR tab): applied to that question's text
 * so far, SURVEY_TEXT_MAX characters at most; an answer deleted down to nothing is no answer.
 */
export function typeAnswer(answers: SurveyAnswers, questionId: string, key: KeyboardKey): SurveyAnswers {
  const before = answers[questionId];
  const text = applyKey(typeof before === "string" ? before : "", key, SURVEY_TEXT_MAX);
  if (text !== "") return { ...answers, [questionId]: text };
  const { [questionId]: _gone, ...rest } = answers;
  return rest;
}
