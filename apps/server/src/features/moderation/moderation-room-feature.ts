import type { Client } from "@colyseus/core";
import {
  AvatarMessage,
  ModerationMessage,
  WAITING_ROOM_CODE,
  Waiter,
  WAITING_POLL_MS,
  admitMessageSchema,
  capacityMessageSchema,
  emptyMessageSchema,
  handRaiseMessageSchema,
  lockMessageSchema,
  notice,
  rejectionWire,
  removeMessageSchema,
  unblockMessageSchema,
  type ConsoleModerationView,
} from "@otc/contract";
import { gate } from "@otc/moderation";
import { can } from "@otc/roles";
import { message, type FeatureFactory, type RoomFeature } from "../../rooms/room-feature.js";
import { Hands } from "./hands.js";
import { contributed } from "../record/contributions.js";
import type { LiveModeration } from "./moderation-console.js";
import { BLOCKED_COLLECTION, MODERATION_COLLECTION, SETTINGS_KEY, loadModeration, type BlockedPerson } from "./moderation-store.js";

/** A facilitator's deliberate presses. */
const PRESS = { perSecond: 4, burst: 10 };
/** A hand goes up and down a few times a second at most. */
const HAND = { perSecond: 4, burst: 8 };

/**
 * Moderation: removal and the session's blocked list, capacity, the lock with its waiting room, and
 * the hand-raise queue. Every action but one's own hand needs can(role, "moderate"); the lock,
 * capacity and blocked list are documents (stored before they show, back after a restart).
 */
export const moderationFeature: FeatureFactory = async (ctx): Promise<RoomFeature> => {
  const mod = ctx.state.moderation;
  const { settings, blocked, known } = ctx.sessionId ? await loadModeration(ctx.storage, ctx.sessionId, ctx.layout) : { settings: { locked: false, capacity: 50 }, blocked: [], known: new Set<string>() };
  mod.locked = settings.locked;
  mod.capacity = settings.capacity;
  for (const b of blocked) mod.blocked.set(b.personId, b.name);
  const admitted = new Set<string>();
  const refused = new Set<string>();
  const lastSeen = new Map<string, number>();
  const hands = new Hands(ctx.state);

  /**
   * Stores the new lock/capacity, then shows it; unlocking lets everyone waiting in. Changes run one
   * after another: each reads the other setting only once the previous write has landed, so a lock and
   * a capacity sent together no longer undo each other (the capacity used to put the lock back off, and
   * the lock the old capacity back, letting joins in past the new maximum).
   */
  let changes: Promise<unknown> = Promise.resolve();
  const change = (next: { locked?: boolean | undefined; capacity?: number | undefined }): Promise<void> => {
    const run = async () => {
      const locked = next.locked ?? mod.locked;
      const capacity = next.capacity ?? mod.capacity;
      await ctx.storage.putDocument(ctx.sessionId, MODERATION_COLLECTION, SETTINGS_KEY, { locked, capacity }, ctx.now());
      mod.locked = locked;
      mod.capacity = capacity;
      if (!locked) for (const id of [...mod.waiting.keys()]) (admitted.add(id), mod.waiting.delete(id), lastSeen.delete(id));
    };
    const done = changes.then(run, run);
    changes = done.catch(() => undefined);
    return done;
  };
  const admitWaiter = (personId: string, admit: boolean): boolean => {
    if (!mod.waiting.has(personId)) return false;
    mod.waiting.delete(personId);
    lastSeen.delete(personId);
    (admit ? admitted : refused).add(personId);
    return true;
  };
  const unblock = async (personId: string) => {
    await ctx.storage.deleteDocument(ctx.sessionId, BLOCKED_COLLECTION, personId);
    mod.blocked.delete(personId);
  };
  const live: LiveModeration = {
    view: () => {
      const waiting: ConsoleModerationView["waiting"] = [];
      mod.waiting.forEach((w) => waiting.push({ personId: w.personId, name: w.name, since: w.since }));
      const blockedList: ConsoleModerationView["blocked"] = [];
      mod.blocked.forEach((name, personId) => blockedList.push({ personId, name }));
      return { live: true, locked: mod.locked, capacity: mod.capacity, waiting, blocked: blockedList };
    },
    change,
    admit: admitWaiter,
    unblock,
  };
  if (ctx.sessionId) ctx.config.moderation?.register(ctx.sessionId, live);
  /** Runs `act` only for a facilitator or co-facilitator; anyone else is refused with a reason (counted). */
  const privileged =
    <T>(what: string, act: (client: Client, value: T) => unknown) =>
    async (client: Client, value: T) => {
      const role = ctx.roster.get(client.sessionId)?.role ?? "";
      if (!can(role, "moderate")) return ctx.refuse(client, "not-allowed", what);
      try {
        await act(client, value);
      } catch (e) {
        ctx.log(`moderation: ${what} failed: ${String(e)}`);
        ctx.refuse(client, "storage-failed");
      }
    };

  // Waiters whose page stopped asking (closed, gone) leave the list.
  ctx.every(WAITING_POLL_MS, () => {
    const now = ctx.now();
    for (const [id, at] of lastSeen) {
      if (now - at <= WAITING_POLL_MS * 3) continue;
      lastSeen.delete(id);
      mod.waiting.delete(id);
    }
  });

  return {
    name: "moderation",
    dispose: () => ctx.config.moderation?.unregister(ctx.sessionId, live),
    gate: (person) => {
      const decision = gate(
        { personId: person.personId, name: person.name, moderator: can(person.role, "moderate") },
        { locked: mod.locked, capacity: mod.capacity, present: ctx.roster.ids().length, blocked: new Set(mod.blocked.keys()), known, admitted, refused },
      );
      switch (decision.kind) {
        case "enter":
          return undefined;
        case "removed":
          return { text: rejectionWire("removed") };
        case "full":
          return { text: rejectionWire("session-full", String(mod.capacity)) };
        case "refused":
          refused.delete(person.personId); // told once; asking again waits again
          return { text: rejectionWire("waiting-refused") };
        case "wait": {
          lastSeen.set(person.personId, ctx.now());
          if (!mod.waiting.has(person.personId)) mod.waiting.set(person.personId, new Waiter({ personId: person.personId, name: person.name, since: ctx.now() }));
          return { text: rejectionWire("waiting-room"), code: WAITING_ROOM_CODE };
        }
      }
    },
    join: (_client, person) => {
      known.add(person.personId);
      admitted.delete(person.personId);
    },
    leave: (client) => hands.leave(client.sessionId),
    messages: {
      [AvatarMessage.handRaise]: message(handRaiseMessageSchema, HAND, (client, { raised }) => {
        if (raised && !ctx.roster.get(client.sessionId)?.handRaised) contributed(ctx, ctx.roster.identity(client.sessionId)?.personId, "hand");
        hands.set(client.sessionId, raised, ctx.now());
      }),
      [ModerationMessage.callNext]: message(
        emptyMessageSchema,
        PRESS,
        privileged("call on the next raised hand", (client) => {
          if (!hands.callNext()) ctx.notify(client, notice("no-hands"));
        }),
      ),
      [ModerationMessage.done]: message(emptyMessageSchema, PRESS, privileged("end someone's turn", () => hands.done())),
      [ModerationMessage.lowerAll]: message(emptyMessageSchema, PRESS, privileged("lower every hand", () => hands.lowerAll())),
      [ModerationMessage.remove]: message(
        removeMessageSchema,
        PRESS,
        privileged("remove someone", async (client, { target, reason }) => {
          const who = ctx.roster.get(target);
          const identity = ctx.roster.identity(target);
          if (!who || !identity) return ctx.refuse(client, "invalid-message", "nobody by that id is here");
          if (who.role === "facilitator" || target === client.sessionId) return ctx.refuse(client, "not-allowed", "a facilitator cannot be removed");
          const clean = reason.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim();
          const body: BlockedPerson = { name: who.name, reason: clean };
          await ctx.storage.putDocument(ctx.sessionId, BLOCKED_COLLECTION, identity.personId, body, ctx.now());
          mod.blocked.set(identity.personId, who.name);
          const removal = notice("removed", { detail: clean });
          // every seat of that person (a second tab, a seat held for a reconnection)
          for (const id of ctx.roster.ids()) if (ctx.roster.identity(id)?.personId === identity.personId) ctx.remove(id, removal);
          ctx.log(`moderation: ${who.name} removed from ${ctx.sessionId}`);
        }),
      ),
      [ModerationMessage.unblock]: message(unblockMessageSchema, PRESS, privileged("let someone back in", (_client, { personId }) => unblock(personId))),
      [ModerationMessage.lock]: message(lockMessageSchema, PRESS, privileged("lock the session", (_client, { locked }) => change({ locked }))),
      [ModerationMessage.capacity]: message(capacityMessageSchema, PRESS, privileged("change the capacity", (_client, { capacity }) => change({ capacity }))),
      [ModerationMessage.admit]: message(
        admitMessageSchema,
        PRESS,
        privileged("admit someone", (client, { personId, admit }) => {
          if (!admitWaiter(personId, admit)) ctx.refuse(client, "invalid-message", "nobody by that id is waiting");
        }),
      ),
    },
  };
};
