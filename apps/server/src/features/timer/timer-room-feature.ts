import type { Client } from "@colyseus/core";
import { TimerMessage, TimerServerMessage, agendaCurrentMessageSchema, agendaMessageSchema, timerStartMessageSchema, timerStopMessageSchema, timerSyncMessageSchema, type TimerStatePayload, type TimerView } from "@otc/contract";
import { can } from "@otc/roles";
import { EMPTY_AGENDA, markCurrent, setAgendaItems, startTimer, type Agenda } from "@otc/timer";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import type { LiveRoom } from "../sessions/live-sessions.js";

/** Collection of the session's timer and agenda (keys "timer" and "agenda"). */
export const TIMER_COLLECTION = "timer";
/** A facilitator's deliberate actions: a few a second at most. */
const RUN_RATE = { perSecond: 2, burst: 6 };
/** A page asks for the timer and agenda when it (re)connects. */
const SYNC_RATE = { perSecond: 1, burst: 3 };
const NOT_FACILITATOR = "only a facilitator or co-facilitator can run the timer and agenda";

/**
 * The facilitator's countdown and agenda. The countdown's end time and the agenda are documents
 * (stored, then sent to everyone with the server's clock); each page counts down on its own, so
 * the ticking is never sent or stored.
 */
export const timerFeature: FeatureFactory = async (ctx) => {
  const screenIds = ctx.layout.screens.map((s) => s.id);
  let timer: TimerView | null = null;
  let agenda: Agenda = EMPTY_AGENDA;
  if (ctx.session) {
    timer = (await ctx.storage.getDocument<{ timer: TimerView | null }>(ctx.sessionId, TIMER_COLLECTION, "timer"))?.body.timer ?? null;
    agenda = (await ctx.storage.getDocument<Agenda>(ctx.sessionId, TIMER_COLLECTION, "agenda"))?.body ?? EMPTY_AGENDA;
  }
  const payload = (): TimerStatePayload => ({ timer, agenda, serverNow: ctx.now() });
  let queue: Promise<unknown> = Promise.resolve();

  /** Checks the sender's role, stores the change, then shows it; one change at a time. */
  const change = <T>(apply: (value: T) => { key: "timer" | "agenda"; body: unknown; commit: () => void } | string) => (client: Client, value: T) => {
    const work = async () => {
      const who = ctx.roster.get(client.sessionId);
      if (!who || !can(who.role, "moderate")) return ctx.refuse(client, "not-allowed", NOT_FACILITATOR);
      const next = apply(value);
      if (typeof next === "string") return ctx.refuse(client, "invalid-message", next);
      try {
        await ctx.storage.putDocument(ctx.sessionId, TIMER_COLLECTION, next.key, next.body, ctx.now());
      } catch {
        return ctx.refuse(client, "storage-failed");
      }
      next.commit();
      ctx.broadcast(TimerServerMessage.state, payload());
    };
    queue = queue.then(work, work);
    return queue;
  };

  // The console stored a new agenda (GET/PUT /api/sessions/<id>/agenda): read it again, after any change under way, and show it.
  const live: LiveRoom = {
    agendaChanged: () => {
      const work = async () => {
        const stored = await ctx.storage.getDocument<Agenda>(ctx.sessionId, TIMER_COLLECTION, "agenda");
        agenda = stored?.body ?? EMPTY_AGENDA;
        ctx.broadcast(TimerServerMessage.state, payload());
      };
      queue = queue.then(work, work).catch((e: unknown) => ctx.log(`timer: could not reload the agenda: ${String(e)}`));
    },
  };
  if (ctx.session) ctx.config.live.register(ctx.sessionId, live);

  return {
    name: "timer",
    dispose: () => {
      if (ctx.session) ctx.config.live.unregister(ctx.sessionId, live);
    },
    messages: {
      [TimerMessage.timerSync]: message(timerSyncMessageSchema, SYNC_RATE, (client) => void queue.then(() => client.send(TimerServerMessage.state, payload()))),
      [TimerMessage.start]: message(timerStartMessageSchema, RUN_RATE, change((v) => {
        if (v.screenId && !screenIds.includes(v.screenId)) return `this room has no screen "${v.screenId}"`;
        const t = startTimer(ctx.now(), v.seconds, v.label, v.screenId);
        return { key: "timer", body: { timer: t }, commit: () => void (timer = t) };
      })),
      [TimerMessage.stop]: message(timerStopMessageSchema, RUN_RATE, change(() => ({ key: "timer", body: { timer: null }, commit: () => void (timer = null) }))),
      [TimerMessage.agenda]: message(agendaMessageSchema, RUN_RATE, change((v) => {
        const a = setAgendaItems(agenda, v.items);
        return { key: "agenda", body: a, commit: () => void (agenda = a) };
      })),
      [TimerMessage.current]: message(agendaCurrentMessageSchema, RUN_RATE, change((v) => {
        const m = markCurrent(agenda, v.index);
        if (!m.ok) return m.reason;
        return { key: "agenda", body: m.agenda, commit: () => void (agenda = m.agenda) };
      })),
    },
  };
};
