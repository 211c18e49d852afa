/** A survey question as the arithmetic needs it (the contract's SurveyQuestion fits). */
export interface SurveyQuestionShape {
  id: string;
  kind: "rating" | "choice" | "text";
  options?: readonly string[];
}

/** Question id → rating 1..5, option index, or text. */
export type SurveyAnswerValues = Readonly<Record<string, number | string>>;

/** One stored response: the answers and, when the survey is named, who gave them. */
export interface SurveyResponse {
  answers: SurveyAnswerValues;
  name?: string;
}

export type QuestionSummary =
  | { id: string; kind: "rating"; answered: number; mean: number | null; counts: [number, number, number, number, number] }
  | { id: string; kind: "choice"; answered: number; counts: number[] }
  | { id: string; kind: "text"; answered: number; texts: { text: string; name?: string }[] };

export interface SurveySummary {
  respondents: number;
  questions: QuestionSummary[];
}

/**
 * Keeps only answers that fit their question: a rating is a whole 1..5, a choice an option's index,
 * a text non-empty; unknown questions and empty answers are dropped. Returns undefined when a value
 * is of the wrong kind (the request is refused rather than silently trimmed).
 */
export function checkAnswers(questions: readonly SurveyQuestionShape[], answers: SurveyAnswerValues): Record<string, number | string> | undefined {
  const out: Record<string, number | string> = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    if (!q) return undefined;
    if (q.kind === "text") {
      if (typeof value !== "string") return undefined;
      if (value.trim()) out[id] = value.trim();
    } else if (typeof value !== "number" || !Number.isInteger(value)) return undefined;
    else if (q.kind === "rating" ? value < 1 || value > 5 : value < 0 || value >= (q.options?.length ?? 0)) return undefined;
    else out[id] = value;
  }
  return out;
}

/** Adds the responses up per question: ratings (count per star, mean), choices (count per option), texts (listed). */
export function summariseSurvey(questions: readonly SurveyQuestionShape[], responses: readonly SurveyResponse[]): SurveySummary {
  const summaries = questions.map((q): QuestionSummary => {
    const values = responses.map((r) => ({ v: r.answers[q.id], name: r.name })).filter((x) => x.v !== undefined);
    if (q.kind === "rating") {
      const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      let sum = 0;
      for (const { v } of values) {
        if (typeof v !== "number" || v < 1 || v > 5) continue;
        counts[v - 1] = counts[v - 1]! + 1;
        sum += v;
      }
      const answered = counts.reduce((a, b) => a + b, 0);
      return { id: q.id, kind: "rating", answered, mean: answered ? Math.round((sum / answered) * 100) / 100 : null, counts };
    }
    if (q.kind === "choice") {
      const counts = (q.options ?? []).map(() => 0);
      for (const { v } of values) if (typeof v === "number" && v >= 0 && v < counts.length) counts[v]!++;
      return { id: q.id, kind: "choice", answered: counts.reduce((a, b) => a + b, 0), counts };
    }
    const written = values.filter((x): x is { v: string; name: string | undefined } => typeof x.v === "string");
    // An empty text is one retention cleared: it still counts as answered, it shows nothing.
    const texts = written.filter(({ v }) => v !== "").map(({ v, name }) => (name === undefined ? { text: v } : { text: v, name }));
    return { id: q.id, kind: "text", answered: written.length, texts };
  });
  return { respondents: responses.length, questions: summaries };
}
