import { randomUUID } from "node:crypto";
import type { Client } from "@colyseus/core";
import { PollsMessage, PollsServerMessage, pollAnswerMessageSchema, pollCloseMessageSchema, pollCreateMessageSchema, pollLaunchMessageSchema, pollShowMessageSchema, pollSyncMessageSchema } from "@otc/contract";
import { message, type FeatureFactory, type RoomFeature } from "../../rooms/room-feature.js";
import { PollStore } from "./poll-store.js";
import { PollsFeature, type PollRefusal } from "./polls-feature.js";

/** A facilitator's deliberate actions: a few a second at most. */
const RUN_RATE = { perSecond: 2, burst: 6 };
/** Answers per person: changing one's mind by tapping options quickly. */
const ANSWER_RATE = { perSecond: 4, burst: 8 };

/** The polls feature as the room holds it (the bench reads its answer timings). */
export interface PollsRoomFeature extends RoomFeature {
  readonly polls: PollsFeature;
}

/** A page asks for everything when it (re)connects. */
const SYNC_RATE = { perSecond: 1, burst: 3 };

/** Polls, quizzes and word clouds: questions, one answer per person, results on a screen. */
export const pollsFeature: FeatureFactory = async (ctx) => {
  const polls = new PollsFeature({
    roster: ctx.roster,
    store: new PollStore(ctx.storage, ctx.sessionId),
    screenIds: ctx.layout.screens.map((s) => s.id),
    now: ctx.now,
    newId: () => randomUUID(),
    broadcast: (payload) => ctx.broadcast(PollsServerMessage.state, payload),
    sendState: (id, payload) => ctx.send(id, PollsServerMessage.state, payload),
    sendMine: (id, payload) => ctx.send(id, PollsServerMessage.mine, payload),
  });
  if (ctx.session) await polls.restore();
  /** Each handler answers its sender alone when refused; every refusal is counted. */
  const answer = <T>(run: (id: string, value: T) => Promise<PollRefusal | undefined>) => async (client: Client, value: T) => {
    const refused = await run(client.sessionId, value);
    if (refused) ctx.refuse(client, refused.code, refused.detail || undefined);
  };
  const feature: PollsRoomFeature = {
    name: "polls",
    polls,
    messages: {
      [PollsMessage.create]: message(pollCreateMessageSchema, RUN_RATE, answer((id, v) => polls.create(id, v))),
      [PollsMessage.launch]: message(pollLaunchMessageSchema, RUN_RATE, answer((id, v) => polls.launch(id, v))),
      [PollsMessage.close]: message(pollCloseMessageSchema, RUN_RATE, answer((id, v) => polls.close(id, v))),
      [PollsMessage.show]: message(pollShowMessageSchema, RUN_RATE, answer((id, v) => polls.show(id, v))),
      [PollsMessage.pollsSync]: message(pollSyncMessageSchema, SYNC_RATE, (client) => polls.sync(client.sessionId)),
      [PollsMessage.answer]: message(pollAnswerMessageSchema, ANSWER_RATE, answer((id, v) => polls.answer(id, v))),
    },
    join: (client) => void polls.join(client.sessionId),
    dispose: () => polls.dispose(),
  };
  return feature;
};
