import type { FeatureFactory } from "../../rooms/room-feature.js";
import { BREAKOUT_COLLECTION, type GroupDocument } from "./breakout-service.js";
import { groupBreakout } from "./group-breakout.js";
import { mainBreakout } from "./main-breakout.js";

/**
 * Breakout rooms. A session whose store holds a group document is one group of a breakout
 * (group-breakout.ts); any other is a main room that may send its people out (main-breakout.ts).
 */
export const breakoutsFeature: FeatureFactory = async (ctx) => {
  const service = ctx.config.breakouts ?? null;
  const group = ctx.session ? (await ctx.storage.getDocument<GroupDocument>(ctx.sessionId, BREAKOUT_COLLECTION, "group"))?.body : undefined;
  return group && service ? groupBreakout(ctx, service, group) : mainBreakout(ctx, service);
};
