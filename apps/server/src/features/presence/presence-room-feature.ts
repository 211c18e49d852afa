import { ClientMessage, PRESENCE_HZ, ServerMessage, bandwidthSetSchema, poseMessageSchema } from "@otc/contract";
import { defaultPoseRules } from "@otc/presence";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { PoseIntake } from "./pose-intake.js";
import { PresenceRelay } from "./presence-relay.js";

/**
 * Presence: poses in (checked against the room's walking rules, never stored), one frame out to each
 * viewer at PRESENCE_HZ (far or out-of-view avatars at a quarter of that: interest management in
 * @otc/presence), and a keyframe for each joiner. The seam's rate sits above the intake's own
 * limiter, which decides (and counts, in the room's refusal ledger) what a fast sender loses.
 * A low-bandwidth viewer (join option or `bandwidth-set`) gets everyone beyond arm's reach at the far rate, head only.
 */
export const presenceFeature: FeatureFactory = (ctx) => {
  const intake = new PoseIntake(defaultPoseRules(ctx.layout.walkable), ctx.refusals);
  const relay = new PresenceRelay((client, frame) => ctx.sendBytes(client, ServerMessage.presenceFrame, frame));
  ctx.every(1000 / PRESENCE_HZ, () => relay.tick());
  return {
    name: "presence",
    messages: {
      [ClientMessage.pose]: message(poseMessageSchema, { perSecond: PRESENCE_HZ * 2, burst: PRESENCE_HZ }, (client, value) => {
        const result = intake.receive(client.sessionId, { ok: true, value }, ctx.now());
        const slot = ctx.roster.get(client.sessionId)?.slot;
        if (result.accepted && slot !== undefined) {
          relay.set(slot, result.accepted, ctx.now());
          ctx.moved(client.sessionId, result.accepted);
        } else if (!result.accepted) ctx.notify(client, result.notice);
      }),
      [ClientMessage.bandwidthSet]: message(bandwidthSetSchema, { perSecond: 1, burst: 3 }, (client, { mode }) => {
        ctx.roster.setBandwidth(client.sessionId, mode);
        relay.setLow(client.sessionId, mode === "low");
      }),
    },
    join: (client, person) => {
      // The keyframe goes out before this client can receive any later delta: Colyseus queues both
      // until the join is acknowledged, in order. It already holds the joiner's own spawn.
      relay.set(person.slot, person.spawn, ctx.now());
      relay.watch(client, person.slot, ctx.roster.isLowBandwidth(client.sessionId));
    },
    drop: (client) => relay.unwatch(client.sessionId),
    reconnect: (client) => {
      const slot = ctx.roster.get(client.sessionId)?.slot;
      if (slot !== undefined) relay.watch(client, slot, ctx.roster.isLowBandwidth(client.sessionId));
    },
    leave: (client, person) => {
      relay.unwatch(client.sessionId);
      if (person) relay.remove(person.slot);
      intake.forget(client.sessionId);
    },
  };
};
