import type { Client } from "@colyseus/core";
import { BreakoutMessage, BreakoutServerMessage, breakoutBroadcastMessageSchema, breakoutEmptyMessageSchema, breakoutGalleryMessageSchema, breakoutMoveMessageSchema, breakoutPlanMessageSchema, breakoutStartMessageSchema, breakoutStartPlanMessageSchema, breakoutVisitMessageSchema, type BreakoutGo, type BreakoutStatePayload } from "@otc/contract";
import { BreakoutWatcher } from "@otc/breakouts";
import { message, type RoomContext, type RoomFeature } from "../../rooms/room-feature.js";
import type { BreakoutService, GroupDocument, LiveGroup } from "./breakout-service.js";
import { BREAKOUT_RATE, BREAKOUT_SYNC_RATE } from "./main-breakout.js";

const IN_MAIN_ROOM = "breakouts are run from the main room";

/**
 * Breakouts in a group's room: it knows its group document (which main session, when to go back),
 * shows the end time to everyone, and at the end sends each person their own invitation back to the
 * main room. An early end or a broadcast reaches it on its channel (any process); a room started late reads the same document.
 */
export function groupBreakout(ctx: RoomContext, service: BreakoutService, first: GroupDocument): RoomFeature {
  let doc = first;
  const watcher = new BreakoutWatcher();
  watcher.set(doc);
  let over = false;

  const payload = (): BreakoutStatePayload => ({
    where: "group",
    plan: null,
    running: { startedAt: doc.startedAt, endsAt: doc.endsAt, room: ctx.layout.id, groups: [] },
    group: { index: doc.index, mainTitle: doc.mainTitle },
    serverNow: ctx.now(),
  });
  const sendBack = async (ids: readonly string[]) => {
    const main = await service.session(doc.mainSessionId);
    if (!main) return ctx.log(`breakout group: the main session ${doc.mainSessionId} is gone`);
    for (const id of ids) {
      const kind = ctx.roster.identity(id)?.linkKind ?? "participant";
      const go: BreakoutGo = { reason: "return", path: service.path(main, kind), title: main.title, group: -1, room: main.room };
      ctx.send(id, BreakoutServerMessage.go, go);
    }
  };
  const live: LiveGroup = {
    changed(next) {
      doc = next;
      watcher.set(doc);
      ctx.broadcast(BreakoutServerMessage.state, payload());
    },
    message(m) {
      ctx.broadcast(BreakoutServerMessage.message, m);
    },
  };
  void service.register(ctx.sessionId, live).catch((e: unknown) => ctx.log(`breakout group: cannot listen for the main room (${String(e)}); the stored end still applies`));

  ctx.every(250, () => {
    for (const event of watcher.tick(ctx.now())) {
      if (event === "warning") ctx.broadcast(BreakoutServerMessage.state, payload());
      else {
        over = true;
        void sendBack(ctx.roster.ids());
      }
    }
  });

  const refuse = (client: Client) => ctx.refuse(client, "not-allowed", IN_MAIN_ROOM);
  return {
    name: "breakouts",
    messages: {
      // A page that arrived after the end may have missed its invitation back (it listens only once shown): asking tells it again.
      [BreakoutMessage.sync]: message(breakoutEmptyMessageSchema, BREAKOUT_SYNC_RATE, (client) => {
        client.send(BreakoutServerMessage.state, payload());
        if (over) void sendBack([client.sessionId]);
      }),
      [BreakoutMessage.back]: message(breakoutEmptyMessageSchema, BREAKOUT_SYNC_RATE, (client) => sendBack([client.sessionId])),
      [BreakoutMessage.plan]: message(breakoutPlanMessageSchema, BREAKOUT_RATE, refuse),
      [BreakoutMessage.move]: message(breakoutMoveMessageSchema, BREAKOUT_RATE, refuse),
      [BreakoutMessage.start]: message(breakoutStartMessageSchema, BREAKOUT_RATE, refuse),
      [BreakoutMessage.end]: message(breakoutEmptyMessageSchema, BREAKOUT_RATE, refuse),
      [BreakoutMessage.broadcast]: message(breakoutBroadcastMessageSchema, BREAKOUT_RATE, refuse),
      [BreakoutMessage.visit]: message(breakoutVisitMessageSchema, BREAKOUT_RATE, refuse),
      [BreakoutMessage.startPlan]: message(breakoutStartPlanMessageSchema, BREAKOUT_RATE, refuse),
      [BreakoutMessage.gallery]: message(breakoutGalleryMessageSchema, BREAKOUT_RATE, refuse),
    },
    // Someone arriving after the end (a late page, a reconnect) goes straight back.
    join: (client) => void (over && sendBack([client.sessionId])),
    dispose: () => service.unregister(ctx.sessionId, live),
  };
}
