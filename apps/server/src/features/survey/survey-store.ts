import { createHmac } from "node:crypto";
import { DEFAULT_SURVEY, surveySettingsSchema, type SurveySettings } from "@otc/contract";
import { summariseSurvey, type SurveyAnswerValues, type SurveySummary } from "@otc/record";
import type { Storage } from "../../storage/storage.js";

/** The survey's questions (document "settings") and its answers (one document per person). */
export const SURVEY_COLLECTION = "survey";
export const SURVEY_ANSWERS_COLLECTION = "survey-answers";
const SETTINGS_KEY = "settings";

/** A stored response. `personId` and `name` only when the survey was named when it was answered. */
export interface StoredSurveyAnswer {
  answers: SurveyAnswerValues;
  personId?: string;
  name?: string;
}

export async function loadSurveySettings(storage: Storage, sessionId: string): Promise<SurveySettings> {
  const doc = await storage.getDocument<unknown>(sessionId, SURVEY_COLLECTION, SETTINGS_KEY);
  const parsed = surveySettingsSchema.safeParse(doc?.body);
  return parsed.success ? parsed.data : DEFAULT_SURVEY;
}

export async function saveSurveySettings(storage: Storage, sessionId: string, settings: SurveySettings, at: number): Promise<void> {
  await storage.putDocument(sessionId, SURVEY_COLLECTION, SETTINGS_KEY, settings, at);
}

/**
 * The key of a person's answer: a MAC of session and person under the server secret, so one person
 * answers once while an anonymous answer names nobody (the key cannot be turned back into a person).
 */
export const answerKey = (secret: Buffer, sessionId: string, personId: string) =>
  createHmac("sha256", secret).update(`otc-survey:${sessionId}:${personId}`).digest("base64url").slice(0, 24);

export async function hasAnswered(storage: Storage, secret: Buffer, sessionId: string, personId: string): Promise<boolean> {
  return (await storage.getDocument(sessionId, SURVEY_ANSWERS_COLLECTION, answerKey(secret, sessionId, personId))) !== undefined;
}

/** The survey's questions and its answers added up (names only on a named survey's texts). */
export async function surveySummary(storage: Storage, sessionId: string): Promise<{ settings: SurveySettings; summary: SurveySummary }> {
  const [settings, docs] = await Promise.all([loadSurveySettings(storage, sessionId), storage.listDocuments<StoredSurveyAnswer>(sessionId, SURVEY_ANSWERS_COLLECTION)]);
  const responses = docs.map((d) => (d.body.name ? { answers: d.body.answers, name: d.body.name } : { answers: d.body.answers }));
  return { settings, summary: summariseSurvey(settings.questions, responses) };
}
