import type { Client } from "@colyseus/core";
import { AvatarMessage, ServerMessage, appearanceMessageSchema, awayMessageSchema, modelMessageSchema, reactionMessageSchema } from "@otc/contract";
import { REACTION_RATE } from "@otc/avatars";
import { message, type FeatureFactory, type MessageRate } from "../../rooms/room-feature.js";
import { AvatarState, CHANGE_RATE } from "./avatar-state.js";
import { contributed } from "../record/contributions.js";

/** Above the shared change limiter in AvatarState, which stays the one that bites. */
const CHANGE: MessageRate = { perSecond: CHANGE_RATE.perSecond * 2, burst: CHANGE_RATE.burst * 2 };
const REACTION: MessageRate = { perSecond: REACTION_RATE.perSecond * 2, burst: REACTION_RATE.burst * 2 };

/**
 * Avatars: appearance, uploaded model, away, reactions (the raised hand belongs to moderation: its queue). Changes are documents on the
 * person's Participant; reactions are relayed to everyone, never stored.
 */
export const avatarsFeature: FeatureFactory = (ctx) => {
  const avatars = new AvatarState(ctx.state, ctx.config.avatarModels);
  /** Common guard: within the person's change rate (shared by every kind of change). */
  const change = <T>(apply: (id: string, value: T) => boolean | void) => (client: Client, value: T) => {
    if (!avatars.allowChange(client.sessionId, ctx.now())) return ctx.refuse(client, "rate-limited");
    if (apply(client.sessionId, value) === false) ctx.refuse(client, "invalid-message", "no such uploaded model");
  };
  return {
    name: "avatars",
    messages: {
      [AvatarMessage.appearance]: message(appearanceMessageSchema, CHANGE, change((id, v) => avatars.setAppearance(id, v.appearance))),
      [AvatarMessage.model]: message(modelMessageSchema, CHANGE, change((id, v) => avatars.setModel(id, v.hash))),
      [AvatarMessage.away]: message(awayMessageSchema, CHANGE, change((id, v) => avatars.setAway(id, v.away))),
      [AvatarMessage.reaction]: message(reactionMessageSchema, REACTION, (client, { reaction }) => {
        if (!avatars.allowReaction(client.sessionId, reaction, ctx.now())) return ctx.refuse(client, "rate-limited");
        ctx.broadcast(ServerMessage.reaction, { id: client.sessionId, reaction });
        contributed(ctx, ctx.roster.identity(client.sessionId)?.personId, "reaction");
      }),
    },
    leave: (client) => avatars.forget(client.sessionId),
  };
};
