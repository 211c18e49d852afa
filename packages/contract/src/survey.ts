import { z } from "zod";

/**
 * The post-session survey. A facilitator sets the questions (`POST /api/sessions/<id>/survey-settings`,
 * console or facilitator link) or keeps the default training survey; a participant reads them with
 * their invitation (`GET /api/sessions/<id>/survey`, headers SLIDE_LINK_HEADER + SLIDE_PERSON_HEADER)
 * and answers once (`POST` the same path). Answers are anonymous unless the survey is named.
 */
export const SURVEY_ROUTE = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/survey`;

/** Questions of the default survey: worded by the catalogues (`survey.preset.<id>`), in the reader's language. */
export const SURVEY_PRESETS = ["overall", "useful", "comfort", "pace", "improve"] as const;
export type SurveyPreset = (typeof SURVEY_PRESETS)[number];
/** Options of the preset choice question `pace`, worded as `survey.preset.paceOption.<i>`. */
export const PACE_OPTIONS = 3;

export const SURVEY_MAX_QUESTIONS = 12;
export const SURVEY_TEXT_MAX = 1000;

const questionId = z.string().regex(/^[a-z0-9-]{1,24}$/);
const words = z.string().trim().min(1).max(200);
export const surveyQuestionSchema = z.discriminatedUnion("kind", [
  /** 1 (poor) to 5 (excellent). */
  z.object({ id: questionId, kind: z.literal("rating"), text: words.optional(), preset: z.enum(SURVEY_PRESETS).optional() }).strict(),
  /** One of the options, answered by its index. */
  z.object({ id: questionId, kind: z.literal("choice"), text: words.optional(), preset: z.enum(SURVEY_PRESETS).optional(), options: z.array(z.string().trim().min(1).max(80)).min(2).max(8) }).strict(),
  z.object({ id: questionId, kind: z.literal("text"), text: words.optional(), preset: z.enum(SURVEY_PRESETS).optional() }).strict(),
]);
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveySettingsSchema = z
  .object({
    questions: z
      .array(surveyQuestionSchema)
      .min(1)
      .max(SURVEY_MAX_QUESTIONS)
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "question ids repeat")
      .refine((qs) => qs.every((q) => q.text !== undefined || q.preset !== undefined), "a question needs its words"),
    /** Answers keep the person's name (the facilitator chose so); default anonymous. */
    named: z.boolean().default(false),
  })
  .strict();
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY: SurveySettings = {
  named: false,
  questions: [
    { id: "overall", kind: "rating", preset: "overall" },
    { id: "useful", kind: "rating", preset: "useful" },
    { id: "comfort", kind: "rating", preset: "comfort" },
    { id: "pace", kind: "choice", preset: "pace", options: ["slow", "right", "fast"] },
    { id: "improve", kind: "text", preset: "improve" },
  ],
};

/** One person's answers: question id → rating (1..5), option index, or text. Questions may be skipped. */
export const surveyAnswersSchema = z
  .object({ answers: z.record(questionId, z.union([z.number().int().min(0).max(8), z.string().trim().max(SURVEY_TEXT_MAX)])) })
  .strict();
export type SurveyAnswers = z.infer<typeof surveyAnswersSchema>["answers"];

/** What a participant reads: the questions, whether answers are named, and whether they already answered. */
export interface SurveyForParticipant {
  questions: SurveyQuestion[];
  named: boolean;
  answered: boolean;
}
