import type { Translate } from "@otc/i18n";

/** One person as the room description says them. */
export interface MirrorPerson {
  name: string;
  role: string;
  self: boolean;
  speaking: boolean;
  handRaised: boolean;
  muted: boolean;
  away: boolean;
}

/** One screen as the room description says it: its name and, when a deck is up, the page. */
export interface MirrorScreen {
  id: string;
  deck: { name: string; page: number; pageCount: number } | null;
}

/** "Ada (facilitator) — speaking, hand raised": a person's line in the room description. */
export function personLine(t: Translate, p: MirrorPerson): string {
  const who = [p.name, p.self ? t("a11y.mirror.you") : null, p.role === "facilitator" || p.role === "co-facilitator" ? t(p.role === "facilitator" ? "role.facilitator" : "role.co-facilitator") : null];
  const [name, ...notes] = who.filter((w): w is string => w !== null);
  const states = [p.speaking && t("a11y.mirror.speaking"), p.handRaised && t("a11y.mirror.handRaised"), p.muted && t("a11y.mirror.muted"), p.away && t("a11y.mirror.away")].filter((s): s is string => typeof s === "string");
  return `${name}${notes.length ? ` (${notes.join(", ")})` : ""}${states.length ? ` — ${states.join(", ")}` : ""}`;
}

/** "main: page 3 of 12 — Induction": what one screen shows. */
export function screenLine(t: Translate, s: MirrorScreen): string {
  return s.deck ? t("a11y.mirror.screen", { screen: s.id, page: s.deck.page, total: s.deck.pageCount, deck: s.deck.name }) : t("a11y.mirror.screenEmpty", { screen: s.id });
}

/** "In front of you: board wall", or that there is none. */
export function boardLine(t: Translate, board: string | null): string {
  return board ? t("a11y.mirror.board", { board }) : t("a11y.mirror.noBoard");
}

/** People in the description's order: oneself first, then raised hands, then by name. */
export function mirrorOrder(people: readonly MirrorPerson[]): MirrorPerson[] {
  return [...people].sort((a, b) => Number(b.self) - Number(a.self) || Number(b.handRaised) - Number(a.handRaised) || a.name.localeCompare(b.name));
}
