/**
 * One thing a person did that the report counts. `talk` carries seconds spoken; `quiz` one answer
 * to a quiz question (`amount` 1 when right, 0 when wrong); every other kind counts 1.
 */
export type ContributionKind = "hand" | "reaction" | "chat" | "poll" | "quiz" | "stroke" | "note" | "talk";

export interface Contribution {
  personId: string;
  kind: ContributionKind;
  /** Seconds for `talk`, 1/0 for `quiz`; 1 otherwise. */
  amount?: number;
}

export interface Engagement {
  hands: number;
  reactions: number;
  chat: number;
  polls: number;
  /** Right answers to quiz questions. */
  quizRight: number;
  /** Quiz questions answered. */
  quizAnswered: number;
  strokes: number;
  notes: number;
  talkSeconds: number;
}

export const emptyEngagement = (): Engagement => ({ hands: 0, reactions: 0, chat: 0, polls: 0, quizRight: 0, quizAnswered: 0, strokes: 0, notes: 0, talkSeconds: 0 });

/** Adds every contribution up, per person. */
export function countEngagement(all: Iterable<Contribution>): Map<string, Engagement> {
  const out = new Map<string, Engagement>();
  for (const c of all) {
    let e = out.get(c.personId);
    if (!e) out.set(c.personId, (e = emptyEngagement()));
    const n = c.amount ?? 1;
    switch (c.kind) {
      case "hand": e.hands += n; break;
      case "reaction": e.reactions += n; break;
      case "chat": e.chat += n; break;
      case "poll": e.polls += n; break;
      case "quiz": e.quizAnswered += 1; e.quizRight += n > 0 ? 1 : 0; break;
      case "stroke": e.strokes += n; break;
      case "note": e.notes += n; break;
      case "talk": e.talkSeconds += n; break;
    }
  }
  return out;
}
