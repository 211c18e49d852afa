import { AGENDA_ITEMS_MAX, type AgendaItem } from "@otc/contract";

/** "5 Welcome" → { minutes: 5, title: "Welcome" }; a line without a number plans 0 minutes. */
export function parseAgenda(text: string): AgendaItem[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, AGENDA_ITEMS_MAX)
    .map((line) => {
      const m = /^(\d{1,3})\s+(.+)$/.exec(line);
      return m ? { minutes: Number(m[1]), title: m[2]! } : { minutes: 0, title: line };
    });
}

/** The agenda as the facilitator edits it: one "minutes title" line per item. */
export function agendaText(items: readonly AgendaItem[]): string {
  return items.map((i) => `${i.minutes} ${i.title}`).join("\n");
}
