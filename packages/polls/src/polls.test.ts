import type { PollDraft } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { PollBook, checkAnswer, closePoll, isCorrect, launchPoll, makePoll, type Poll } from "./poll-book.js";
import { answerWords, wordCloud } from "./word-cloud.js";
import { pollsCsv } from "./csv.js";
import { cleanText } from "./clean-text.js";

const draft = (over: Partial<PollDraft> = {}): PollDraft => ({ question: "Best fruit?", kind: "single", options: ["Apple", "Pear", "Plum"], anonymous: false, correct: [], ...over });
const made = (over: Partial<PollDraft> = {}): Poll => {
  const r = makePoll("p1", draft(over), 1000);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const open = (p: Poll): Poll => {
  const r = launchPoll(p, 2000);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const ada = { personId: "ada", name: "Ada" };
const ben = { personId: "ben", name: "Ben" };

describe("poll lifecycle", () => {
  it("goes draft → open → closed and never back", () => {
    const p = made();
    expect(p.status).toBe("draft");
    expect(closePoll(p, 1).ok).toBe(false);
    const o = open(p);
    expect(o.status).toBe("open");
    expect(launchPoll(o, 1)).toEqual({ ok: false, reason: "that question is already open" });
    const c = closePoll(o, 3000);
    expect(c.ok && c.value.status).toBe("closed");
    if (c.ok) expect(launchPoll(c.value, 1).ok).toBe(false);
  });

  it("refuses choice questions with under two options and correct answers out of range", () => {
    expect(makePoll("x", draft({ options: ["Only", "  "] }), 0).ok).toBe(false);
    expect(makePoll("x", draft({ correct: [3] }), 0).ok).toBe(false);
    expect(makePoll("x", draft({ correct: [0, 1] }), 0).ok).toBe(false);
    expect(makePoll("x", draft({ kind: "rating", options: [], correct: [4] }), 0).ok).toBe(true);
    expect(makePoll("x", draft({ question: "\u0000 \u200b" }), 0).ok).toBe(false);
  });

  it("takes answers only while open, of the right shape", () => {
    const p = made();
    expect(checkAnswer(p, ada, { choices: [0] }, 0).ok).toBe(false);
    const o = open(p);
    expect(checkAnswer(o, ada, { choices: [3] }, 0).ok).toBe(false);
    expect(checkAnswer(o, ada, { choices: [0, 1] }, 0).ok).toBe(false);
    expect(checkAnswer(o, ada, { choices: [] }, 0).ok).toBe(false);
    expect(checkAnswer(open(made({ kind: "multiple" })), ada, { choices: [2, 0, 2] }, 0)).toMatchObject({ ok: true, value: { choices: [0, 2] } });
    expect(checkAnswer(open(made({ kind: "rating", options: [] })), ada, { choices: [4] }, 0).ok).toBe(true);
    expect(checkAnswer(open(made({ kind: "rating", options: [] })), ada, { choices: [5] }, 0).ok).toBe(false);
    const c = closePoll(o, 1);
    if (c.ok) expect(checkAnswer(c.value, ada, { choices: [0] }, 0)).toEqual({ ok: false, reason: "this question is closed" });
  });
});

describe("PollBook", () => {
  it("keeps one answer per person: answering again replaces the earlier answer", () => {
    const book = new PollBook();
    const p = open(made());
    book.put(p);
    for (const [who, c] of [[ada, 0], [ben, 0], [ada, 2]] as const) {
      const a = checkAnswer(p, who, { choices: [c] }, 5);
      if (a.ok) book.putAnswer(a.value);
    }
    expect(book.view(p)).toMatchObject({ counts: [1, 0, 1], responses: 2 });
  });

  it("hides the correct answer until the quiz is closed, then scores named people", () => {
    const book = new PollBook();
    const p = open(made({ correct: [1] }));
    book.put(p);
    for (const [who, c] of [[ada, 1], [ben, 0]] as const) {
      const a = checkAnswer(p, who, { choices: [c] }, 5);
      if (a.ok) book.putAnswer(a.value);
    }
    expect(book.view(p)).toMatchObject({ quiz: true, correct: [] });
    expect(book.leaderboard()).toEqual([]);
    const c = closePoll(p, 9);
    if (!c.ok) throw new Error(c.reason);
    book.put(c.value);
    expect(book.view(c.value).correct).toEqual([1]);
    expect(book.leaderboard()).toEqual([{ name: "Ada", score: 1 }, { name: "Ben", score: 0 }]);
  });

  it("keeps no names for anonymous polls and leaves them off the leaderboard", () => {
    const p = open(made({ anonymous: true, correct: [0] }));
    const a = checkAnswer(p, ada, { choices: [0] }, 0);
    expect(a.ok && a.value.name).toBe("");
    const book = new PollBook();
    const c = closePoll(p, 1);
    if (c.ok && a.ok) {
      book.put(c.value);
      book.putAnswer(a.value);
    }
    expect(book.leaderboard()).toEqual([]);
  });

  it("marks multiple-choice quiz answers right only with every correct option and nothing else", () => {
    const p = open(made({ kind: "multiple", correct: [0, 2] }));
    const right = checkAnswer(p, ada, { choices: [2, 0] }, 0);
    const partial = checkAnswer(p, ada, { choices: [0] }, 0);
    const extra = checkAnswer(p, ada, { choices: [0, 1, 2] }, 0);
    expect([right, partial, extra].map((r) => r.ok && isCorrect(p, r.value))).toEqual([true, false, false]);
  });
});

describe("open text and word clouds", () => {
  it("strips control characters and caps the length of an answer", () => {
    const p = open(made({ kind: "text", options: [] }));
    const a = checkAnswer(p, ada, { text: "  <b>hi</b>\u0007\u202e   there " + "x".repeat(200) }, 0);
    expect(a.ok && a.value.text).toMatch(/^<b>hi<\/b> there x+$/);
    expect(a.ok && Array.from(a.value.text ?? "").length).toBe(60);
    expect(checkAnswer(p, ada, { text: "\u0000\u0001 " }, 0).ok).toBe(false);
    expect(cleanText("a\tb\nc", 10)).toBe("a b c");
  });

  it("normalises words: case, width, punctuation and stop words; one count per answer", () => {
    expect(answerWords("The TEAM, the team! Ｔｅａｍ-work; l'équipe")).toEqual(["team", "team-work", "l'équipe"]);
    expect(wordCloud(["Trust", "trust and time", "Time!", "speed"], 2)).toEqual([["time", 2], ["trust", 2]]);
  });
});

describe("CSV export", () => {
  it("writes one row per answer, quotes every cell and defuses formulas", () => {
    const book = new PollBook();
    const p = open(made({ correct: [0] }));
    book.put(p);
    const a = checkAnswer(p, { personId: "x", name: '=cmd "q"' }, { choices: [0] }, Date.UTC(2026, 0, 1));
    if (a.ok) book.putAnswer(a.value);
    const csv = pollsCsv(book.all(), (id) => book.answersOf(id));
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`"p1","Best fruit?","single","open","'=cmd ""q""","Apple","yes","2026-01-01T00:00:00.000Z"`);
  });
});
