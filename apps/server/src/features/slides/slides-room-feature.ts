import type { Client } from "@colyseus/core";
import { ServerMessage, SlidesMessage, slideAssignMessageSchema, slideGrantMessageSchema, slidePageMessageSchema, slidePointerMessageSchema, type Notice } from "@otc/contract";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { PAGE_RATE, POINTER_RATE, SlidesFeature } from "./slides-feature.js";

/** Assigning a deck or granting presenter rights: a facilitator's deliberate action, a few a second at most. */
const ASSIGN_RATE = { perSecond: 2, burst: 6 };

/** Slides: what each screen shows, who may page it, and the presenter's pointer. */
export const slidesFeature: FeatureFactory = async (ctx) => {
  const slides = new SlidesFeature({
    state: ctx.state,
    roster: ctx.roster,
    storage: ctx.storage,
    sessionId: ctx.sessionId,
    screenIds: ctx.layout.screens.map((s) => s.id),
    now: ctx.now,
    relayPointer: (payload, except) => ctx.broadcast(ServerMessage.slidePointer, payload, except),
  });
  if (ctx.session) await slides.restore();
  /** Each handler answers its sender alone, with a notice when refused. */
  const answer = <T>(run: (id: string, value: T) => Promise<Notice | undefined> | Notice | undefined) => async (client: Client, value: T) =>
    ctx.notify(client, await run(client.sessionId, value));
  return {
    name: "slides",
    messages: {
      [SlidesMessage.page]: message(slidePageMessageSchema, { perSecond: PAGE_RATE.perSecond * 1.5, burst: PAGE_RATE.burst * 1.5 }, answer((id, v) => slides.page(id, v))),
      [SlidesMessage.assign]: message(slideAssignMessageSchema, ASSIGN_RATE, answer((id, v) => slides.assign(id, v))),
      [SlidesMessage.grant]: message(slideGrantMessageSchema, ASSIGN_RATE, answer((id, v) => slides.grant(id, v))),
      [SlidesMessage.pointer]: message(slidePointerMessageSchema, { perSecond: POINTER_RATE.perSecond * 1.5, burst: POINTER_RATE.burst * 1.5 }, answer((id, v) => slides.pointer(id, v))),
    },
    join: (client, person) => slides.join(client.sessionId, person.personId),
    leave: (client) => slides.leave(client.sessionId),
  };
};
