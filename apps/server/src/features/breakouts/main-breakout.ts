import type { Client } from "@colyseus/core";
import { BREAKOUT_MESSAGE_MAX, BreakoutMessage, BreakoutServerMessage, breakoutBroadcastMessageSchema, breakoutEmptyMessageSchema, breakoutGalleryMessageSchema, breakoutMoveMessageSchema, breakoutPlanMessageSchema, breakoutStartMessageSchema, breakoutStartPlanMessageSchema, breakoutVisitMessageSchema, seededRandom, type BreakoutGo, type BreakoutStatePayload, type PreparedPlanSummary } from "@otc/contract";
import { assignPrepared, cleanText, endEarly, leaveOut, movePerson, splitByList, splitRandom, startBreakout, type BreakoutPerson, type BreakoutPlan } from "@otc/breakouts";
import { can } from "@otc/roles";
import { message, type RoomContext, type RoomFeature } from "../../rooms/room-feature.js";
import { boardGallery, type LastGroup } from "./board-gallery.js";
import { BREAKOUT_COLLECTION, DEFAULT_BREAKOUT_ROOM, type BreakoutService } from "./breakout-service.js";
import { preparedPlans } from "./plan-routes.js";

/** A facilitator's deliberate actions: a few a second at most. */
export const BREAKOUT_RATE = { perSecond: 2, burst: 6 };
/** A page asks for the state when it (re)connects. */
export const BREAKOUT_SYNC_RATE = { perSecond: 1, burst: 3 };
const NOT_FACILITATOR = "only a facilitator or co-facilitator can run breakouts";

/** The running breakout of the main session, as stored. */
export interface RunningDocument {
  run: number;
  startedAt: number;
  endsAt: number;
  room: string;
  /** `room` per group (a prepared plan may put groups in different rooms; absent: the breakout's room). */
  groups: { sessionId: string; title: string; people: string[]; room?: string }[];
}

/**
 * Breakouts in the main room: the facilitators' plan and the running breakout are documents
 * (stored before shown, restored when the room starts again). Starting makes one companion session
 * per group and sends each person their own invitation; the groups bring their people back
 * themselves (see group-breakout.ts), so a main room that has emptied meanwhile loses nothing.
 */
export async function mainBreakout(ctx: RoomContext, service: BreakoutService | null): Promise<RoomFeature> {
  let plan = (await ctx.storage.getDocument<BreakoutPlan | null>(ctx.sessionId, BREAKOUT_COLLECTION, "plan"))?.body ?? null;
  let running = (await ctx.storage.getDocument<RunningDocument | null>(ctx.sessionId, BREAKOUT_COLLECTION, "running"))?.body ?? null;
  let runs = (await ctx.storage.getDocument<number>(ctx.sessionId, BREAKOUT_COLLECTION, "runs"))?.body ?? 0;
  /** The groups of the last breakout started (their boards can be shown in the gallery). */
  let last = (await ctx.storage.getDocument<LastGroup[]>(ctx.sessionId, BREAKOUT_COLLECTION, "last"))?.body ?? [];
  const gallery = await boardGallery(ctx, service);
  let prepared: PreparedPlanSummary[] = [];
  /** Entries of the last prepared plan started that matched nobody present. */
  let skipped: string[] = [];
  const readPrepared = async () => {
    if (ctx.session) prepared = (await preparedPlans(ctx.storage, ctx.sessionId)).map((p) => ({ id: p.id, name: p.name, how: p.how, seconds: p.seconds, groups: p.groups.length }));
  };
  await readPrepared();
  let queue: Promise<unknown> = Promise.resolve();

  /** The plan names people by their server-side person ids: only facilitators get it. */
  const payload = (moderator = true): BreakoutStatePayload => ({
    where: "main",
    plan: moderator ? plan : null,
    running: running && { startedAt: running.startedAt, endsAt: running.endsAt, room: running.room, groups: running.groups.map((g) => ({ title: g.title, people: g.people })) },
    group: null,
    serverNow: ctx.now(),
    prepared: moderator ? prepared : [],
    skipped: moderator ? skipped : [],
    lastGroups: last.length,
  });
  const isModerator = (id: string) => can(ctx.roster.get(id)?.role ?? "participant", "moderate");
  const show = () => {
    const [forModerators, forOthers] = [payload(true), payload(false)];
    for (const id of ctx.roster.ids()) ctx.send(id, BreakoutServerMessage.state, isModerator(id) ? forModerators : forOthers);
  };
  const store = async (key: string, body: unknown) => void (await ctx.storage.putDocument(ctx.sessionId, BREAKOUT_COLLECTION, key, body, ctx.now()));
  const present = (): BreakoutPerson[] =>
    ctx.roster.ids().flatMap((id) => {
      const p = ctx.roster.get(id);
      const who = ctx.roster.identity(id);
      return p && who && p.connected && !can(p.role, "moderate") ? [{ personId: who.personId, name: p.name }] : [];
    });
  const clientsOf = (personId: string) => ctx.roster.ids().filter((id) => ctx.roster.identity(id)?.personId === personId);

  /** Checks the sender's role and runs one change at a time; a string answer is refused as invalid. */
  const privileged = <T>(work: (client: Client, value: T) => Promise<string | void>) => (client: Client, value: T) => {
    const run = async () => {
      const who = ctx.roster.get(client.sessionId);
      if (!who || !can(who.role, "moderate")) return ctx.refuse(client, "not-allowed", NOT_FACILITATOR);
      try {
        const problem = await work(client, value);
        if (problem) ctx.refuse(client, "invalid-message", problem);
      } catch (e) {
        ctx.log(`breakout: ${(e as Error).message}`);
        ctx.refuse(client, "storage-failed");
      }
    };
    queue = queue.then(run, run);
    return queue;
  };
  const over = () => running === null || ctx.now() >= running.endsAt;

  /** Starts the plan; `rooms[i]` (a prepared plan's) is group i's room, else `room` or the breakout pods. */
  const start = async (client: Client, v: { seconds: number; room?: string | undefined; rooms?: readonly string[] }) => {
    if (!service || !ctx.session) return "breakouts are not available on this server";
    if (!over()) return "a breakout is already running";
    const room = v.room ?? DEFAULT_BREAKOUT_ROOM;
    const chosen = (plan?.groups ?? []).map((people, i) => ({ people, room: v.rooms?.[i] ?? room })).filter((g) => g.people.length > 0);
    if (chosen.length === 0) return "the plan has nobody in any group";
    const unknown = [room, ...chosen.map((g) => g.room)].find((r) => !service.hasRoom(r));
    if (unknown) return `there is no room template "${unknown}"`;
    const { startedAt, endsAt } = startBreakout(ctx.now(), v.seconds);
    const sessions = await service.createGroups(ctx.session, chosen.map((g) => g.room), chosen.length, runs + 1, startedAt, endsAt);
    const next: RunningDocument = { run: runs + 1, startedAt, endsAt, room: chosen[0]!.room, groups: sessions.map((s, i) => ({ sessionId: s.id, title: s.title, people: chosen[i]!.people, room: chosen[i]!.room })) };
    const nextLast = next.groups.map((g) => ({ sessionId: g.sessionId, room: g.room ?? room }));
    await gallery.clear(last);
    await store("runs", runs + 1);
    await store("running", next);
    await store("last", nextLast);
    runs += 1;
    running = next;
    last = nextLast;
    show();
    sessions.forEach((s, i) => {
      for (const personId of chosen[i]!.people) {
        for (const id of clientsOf(personId)) {
          const kind = ctx.roster.identity(id)?.linkKind ?? "participant";
          const go: BreakoutGo = { reason: "start", path: service.path(s, kind), title: s.title, group: i, room: chosen[i]!.room };
          ctx.send(id, BreakoutServerMessage.go, go);
        }
      }
    });
    ctx.log(`breakout ${next.run} started: ${sessions.length} groups until ${new Date(endsAt).toISOString()} (asked by ${client.sessionId})`);
  };

  ctx.every(250, () => {
    if (running && ctx.now() >= running.endsAt) {
      running = null;
      queue = queue.then(() => store("running", null)).catch((e: Error) => ctx.log(`breakout: ${e.message}`));
      show();
    }
  });

  return {
    name: "breakouts",
    messages: {
      [BreakoutMessage.sync]: message(breakoutEmptyMessageSchema, BREAKOUT_SYNC_RATE, (client) => {
        const moderator = isModerator(client.sessionId);
        // A facilitator's page asking again also reads the plans the console prepared meanwhile.
        queue = queue.then(async () => {
          if (moderator) await readPrepared();
          client.send(BreakoutServerMessage.state, payload(moderator));
          await gallery.sendTo(client, last);
        }).catch((e: Error) => ctx.log(`breakout: ${e.message}`));
      }),
      [BreakoutMessage.back]: message(breakoutEmptyMessageSchema, BREAKOUT_SYNC_RATE, (client) => ctx.refuse(client, "invalid-message", "this is the main room")),
      [BreakoutMessage.plan]: message(breakoutPlanMessageSchema, BREAKOUT_RATE, privileged(async (_c, v) => {
        const people = present();
        const next = v.how === "list" ? splitByList(people, v.list.length > 0 ? v.list : [[]]) : splitRandom(people, v.groups, seededRandom(v.seed ?? ctx.now()));
        await store("plan", next);
        plan = next;
        show();
      })),
      [BreakoutMessage.move]: message(breakoutMoveMessageSchema, BREAKOUT_RATE, privileged(async (_c, v) => {
        if (!plan) return "make a plan first";
        if (v.group >= plan.groups.length) return `the plan has ${plan.groups.length} groups`;
        const id = ctx.roster.ids().find((i) => ctx.roster.identity(i)?.personId === v.personId);
        const name = (id && ctx.roster.get(id)?.name) ?? plan.names[v.personId];
        if (name === undefined) return "nobody by that id";
        const next = v.group < 0 ? leaveOut(plan, v.personId) : movePerson(plan, { personId: v.personId, name }, v.group);
        await store("plan", next);
        plan = next;
        show();
      })),
      [BreakoutMessage.start]: message(breakoutStartMessageSchema, BREAKOUT_RATE, privileged(start)),
      [BreakoutMessage.startPlan]: message(breakoutStartPlanMessageSchema, BREAKOUT_RATE, privileged(async (client, v) => {
        const chosen = ctx.session ? (await preparedPlans(ctx.storage, ctx.sessionId)).find((p) => p.id === v.planId) : undefined;
        if (!chosen) return "there is no prepared plan by that id";
        if (!over()) return "a breakout is already running";
        const { plan: next, absent } = assignPrepared(chosen, present(), seededRandom(ctx.now()));
        if (next.groups.every((g) => g.length === 0)) return "nobody present to send out";
        await store("plan", next);
        plan = next;
        skipped = absent;
        const problem = await start(client, { seconds: chosen.seconds, rooms: chosen.groups.map((g) => g.room) });
        if (problem) show();
        return problem;
      })),
      [BreakoutMessage.gallery]: message(breakoutGalleryMessageSchema, BREAKOUT_RATE, privileged(async (_c, v) => {
        if (v.what !== "none" && !over()) return "the groups are still out";
        return gallery.change(v, last);
      })),
      [BreakoutMessage.end]: message(breakoutEmptyMessageSchema, BREAKOUT_RATE, privileged(async () => {
        if (!running || over() || !service) return "no breakout is running";
        const next = { ...running, ...endEarly(running, ctx.now()) };
        await store("running", next);
        running = next;
        for (const g of next.groups) await service.changeEnd(g.sessionId, next.endsAt);
        show();
      })),
      [BreakoutMessage.broadcast]: message(breakoutBroadcastMessageSchema, BREAKOUT_RATE, privileged(async (client, v) => {
        if (!running || over() || !service) return "no breakout is running";
        const text = cleanText(v.text, BREAKOUT_MESSAGE_MAX);
        if (!text) return "the message is empty";
        const from = ctx.roster.get(client.sessionId)?.name ?? "";
        for (const g of running.groups) service.message(g.sessionId, { text, from });
      })),
      [BreakoutMessage.visit]: message(breakoutVisitMessageSchema, BREAKOUT_RATE, privileged(async (client, v) => {
        const group = running && !over() ? running.groups[v.group] : undefined;
        if (!group || !service || !running) return "no such group";
        const record = await service.session(group.sessionId);
        if (!record) return "no such group";
        const go: BreakoutGo = { reason: "visit", path: service.path(record, ctx.roster.identity(client.sessionId)?.linkKind ?? "facilitator"), title: record.title, group: v.group, room: group.room ?? running.room };
        client.send(BreakoutServerMessage.go, go);
      })),
    },
  };
}

