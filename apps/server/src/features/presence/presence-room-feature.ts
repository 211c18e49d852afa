import { ClientMessage, PRESENCE_HZ, ServerMessage, poseMessageSchema } from "@otc/contract";
import { defaultPoseRules } from "@otc/presence";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { PoseIntake } from "./pose-intake.js";
import { PresenceRelay } from "./presence-relay.js";

/**
 * Presence: poses in (checked against the room's walking rules, never stored), one delta frame out
 * to everyone at PRESENCE_HZ, and a keyframe for each joiner. The seam's rate sits above the intake's
 * own limiter, which decides (and counts, in the room's refusal ledger) what a fast sender loses.
 */
export const presenceFeature: FeatureFactory = (ctx) => {
  const intake = new PoseIntake(defaultPoseRules(ctx.layout.walkable), ctx.refusals);
  const relay = new PresenceRelay();
  ctx.every(1000 / PRESENCE_HZ, () => {
    const frame = relay.tick();
    if (frame) ctx.broadcastBytes(ServerMessage.presenceFrame, frame);
  });
  return {
    name: "presence",
    messages: {
      [ClientMessage.pose]: message(poseMessageSchema, { perSecond: PRESENCE_HZ * 2, burst: PRESENCE_HZ }, (client, value) => {
        const result = intake.receive(client.sessionId, { ok: true, value }, ctx.now());
        const slot = ctx.roster.get(client.sessionId)?.slot;
        if (result.accepted && slot !== undefined) {
          relay.set(slot, result.accepted);
          ctx.moved(client.sessionId, result.accepted);
        } else if (!result.accepted) ctx.notify(client, result.notice);
      }),
    },
    join: (client, person) => {
      // Sent before this client can receive any later delta: Colyseus queues both until the join is
      // acknowledged, in order. The joiner's own spawn goes out with the next delta.
      ctx.sendBytes(client, ServerMessage.presenceFrame, relay.keyframe());
      relay.set(person.slot, person.spawn);
    },
    reconnect: (client) => ctx.sendBytes(client, ServerMessage.presenceFrame, relay.keyframe()),
    leave: (client, person) => {
      if (person) relay.remove(person.slot);
      intake.forget(client.sessionId);
    },
  };
};
