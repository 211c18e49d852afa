import { describe, expect, it } from "vitest";
import { checkAnswers, summariseSurvey, type SurveyQuestionShape } from "./index.js";

const questions: SurveyQuestionShape[] = [
  { id: "overall", kind: "rating" },
  { id: "pace", kind: "choice", options: ["slow", "right", "fast"] },
  { id: "improve", kind: "text" },
];

describe("survey answers", () => {
  it("keeps answers that fit their question and drops empty texts", () => {
    expect(checkAnswers(questions, { overall: 4, pace: 2, improve: "  more breaks " })).toEqual({ overall: 4, pace: 2, improve: "more breaks" });
    expect(checkAnswers(questions, { overall: 5, improve: "   " })).toEqual({ overall: 5 });
  });
  it("refuses a rating outside 1..5, a missing option, a wrong kind and an unknown question", () => {
    expect(checkAnswers(questions, { overall: 0 })).toBeUndefined();
    expect(checkAnswers(questions, { overall: 6 })).toBeUndefined();
    expect(checkAnswers(questions, { overall: 2.5 })).toBeUndefined();
    expect(checkAnswers(questions, { pace: 3 })).toBeUndefined();
    expect(checkAnswers(questions, { improve: 3 })).toBeUndefined();
    expect(checkAnswers(questions, { overall: "5" })).toBeUndefined();
    expect(checkAnswers(questions, { other: 1 })).toBeUndefined();
  });
  it("adds responses up per question: stars and mean, option counts, texts with names when named", () => {
    const s = summariseSurvey(questions, [
      { answers: { overall: 5, pace: 1, improve: "more breaks" }, name: "Ada" },
      { answers: { overall: 3, pace: 1 } },
      { answers: { overall: 4, pace: 2 } },
      { answers: {} },
    ]);
    expect(s.respondents).toBe(4);
    expect(s.questions[0]).toEqual({ id: "overall", kind: "rating", answered: 3, mean: 4, counts: [0, 0, 1, 1, 1] });
    expect(s.questions[1]).toEqual({ id: "pace", kind: "choice", answered: 3, counts: [0, 2, 1] });
    expect(s.questions[2]).toEqual({ id: "improve", kind: "text", answered: 1, texts: [{ text: "more breaks", name: "Ada" }] });
  });
  it("has no mean for a rating nobody answered", () => {
    expect(summariseSurvey(questions, []).questions[0]).toMatchObject({ answered: 0, mean: null });
  });
});
