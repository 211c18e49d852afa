import { AGENDA_TITLE_MAX, TIMER_LABEL_MAX, type AgendaItem, type TimerView } from "@otc/contract";

// C0/C1 control characters, zero-width and bidi overrides.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const clean = (raw: string, max: number) => Array.from(raw.replace(/[\t\n\r]/g, " ").replace(CONTROL, "").replace(/\s+/g, " ").trim()).slice(0, max).join("");

/** Starts a countdown of `seconds` at `now` (ms since epoch, the server's clock). */
export function startTimer(now: number, seconds: number, label: string, screenId: string | null): TimerView {
  return { startedAt: now, endsAt: now + seconds * 1000, label: clean(label, TIMER_LABEL_MAX), screenId };
}

/** Milliseconds left at `now`; 0 once it has ended. */
export function remainingMs(timer: Pick<TimerView, "endsAt">, now: number): number {
  return Math.max(0, timer.endsAt - now);
}

/** "m:ss" (or "h:mm:ss"), rounded up so a countdown shows 0:00 only when it has ended. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/**
 * Fires once when a countdown crosses zero: `tick(now)` is true on the first tick at or after the
 * end of the timer it was last given (a new timer re-arms it; a timer that had already ended when
 * first seen never fires, so a late joiner hears no chime).
 */
export class EndWatcher {
  private endsAt: number | null = null;
  private fired = true;

  set(timer: Pick<TimerView, "endsAt"> | null, now: number): void {
    if (timer?.endsAt === this.endsAt) return;
    this.endsAt = timer?.endsAt ?? null;
    this.fired = this.endsAt === null || this.endsAt <= now;
  }

  tick(now: number): boolean {
    if (this.fired || this.endsAt === null || now < this.endsAt) return false;
    this.fired = true;
    return true;
  }
}

/** An agenda: items with planned minutes and the current one (-1: not started). */
export interface Agenda {
  items: AgendaItem[];
  current: number;
}

export const EMPTY_AGENDA: Agenda = { items: [], current: -1 };

/** Cleans the items' titles (empty ones dropped); the current item stays where it was when it still exists. */
export function setAgendaItems(agenda: Agenda, items: readonly AgendaItem[]): Agenda {
  const cleaned = items.map((i) => ({ title: clean(i.title, AGENDA_TITLE_MAX), minutes: i.minutes })).filter((i) => i.title.length > 0);
  return { items: cleaned, current: agenda.current < cleaned.length ? agenda.current : -1 };
}

export type AgendaOutcome = { ok: true; agenda: Agenda } | { ok: false; reason: string };

export function markCurrent(agenda: Agenda, index: number): AgendaOutcome {
  if (index >= agenda.items.length) return { ok: false, reason: "the agenda has no such item" };
  return { ok: true, agenda: { ...agenda, current: index } };
}

/** Minutes planned in total, and before the current item (where the session should be by now). */
export function agendaMinutes(agenda: Agenda): { total: number; beforeCurrent: number } {
  const total = agenda.items.reduce((s, i) => s + i.minutes, 0);
  const beforeCurrent = agenda.items.slice(0, Math.max(0, agenda.current)).reduce((s, i) => s + i.minutes, 0);
  return { total, beforeCurrent };
}
