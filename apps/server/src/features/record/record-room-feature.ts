import { RecordMessage, speakingMessageSchema } from "@otc/contract";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { contributed } from "./contributions.js";

/**
 * The training record's part in the room: mesh pages report their own speaking seconds (the SFU's
 * talking events are counted by the voice feature). A report is capped by the time since the
 * connection's previous one, so a page cannot claim more speech than there was time. Everything
 * else the report reads is stored by the features that own it.
 */
export const recordFeature: FeatureFactory = (ctx) => {
  const lastReport = new Map<string, number>();
  return {
    name: "record",
    join: (client) => void lastReport.set(client.sessionId, ctx.now()),
    leave: (client) => void lastReport.delete(client.sessionId),
    messages: {
      // A page reports every SPEAKING_REPORT_S and on leaving: a few a minute at most.
      [RecordMessage.speaking]: message(speakingMessageSchema, { perSecond: 0.2, burst: 3 }, (client, { seconds }) => {
        const now = ctx.now();
        const since = (now - (lastReport.get(client.sessionId) ?? now)) / 1000;
        lastReport.set(client.sessionId, now);
        const counted = Math.round(Math.min(seconds, since) * 10) / 10;
        if (counted > 0) contributed(ctx, ctx.roster.identity(client.sessionId)?.personId, "talk", counted);
      }),
    },
  };
};
