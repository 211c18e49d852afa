import { z } from "zod";

export const TIMER_LABEL_MAX = 60;
export const TIMER_MAX_SECONDS = 4 * 60 * 60;
export const AGENDA_ITEMS_MAX = 30;
export const AGENDA_TITLE_MAX = 80;
const screenId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);

/** Client → server timer and agenda messages (facilitators): documents. The countdown's ticking is each page's own. */
export const TimerMessage = {
  start: "timer.start",
  stop: "timer.stop",
  agenda: "timer.agenda",
  current: "timer.current",
  /** Send me the timer and agenda (a page asks once its handlers are listening), payload `{}`. */
  timerSync: "timer.sync",
} as const;
export const timerSyncMessageSchema = z.object({});

export const timerStartMessageSchema = z.object({
  seconds: z.number().int().min(1).max(TIMER_MAX_SECONDS),
  label: z.string().max(TIMER_LABEL_MAX * 2).default(""),
  screenId: screenId.nullable().default(null),
});
export type TimerStartMessage = z.infer<typeof timerStartMessageSchema>;
export const timerStopMessageSchema = z.object({});
export const agendaItemSchema = z.object({ title: z.string().min(1).max(AGENDA_TITLE_MAX * 2), minutes: z.number().int().min(0).max(600) });
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export const agendaMessageSchema = z.object({ items: z.array(agendaItemSchema).max(AGENDA_ITEMS_MAX) });
export type AgendaMessage = z.infer<typeof agendaMessageSchema>;
/** Marks the current agenda item (-1: none). */
export const agendaCurrentMessageSchema = z.object({ index: z.number().int().min(-1).max(AGENDA_ITEMS_MAX - 1) });
export type AgendaCurrentMessage = z.infer<typeof agendaCurrentMessageSchema>;

/** A running countdown: when it ends on the server's clock (ms since epoch). */
export interface TimerView {
  endsAt: number;
  startedAt: number;
  label: string;
  screenId: string | null;
}

/** Server → client: the timer and agenda, with the server's clock so a page can count down on its own. */
export interface TimerStatePayload {
  timer: TimerView | null;
  agenda: { items: AgendaItem[]; current: number };
  serverNow: number;
}

export const TimerServerMessage = { state: "timer.state" } as const;
