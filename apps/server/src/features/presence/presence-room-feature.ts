import type { Client } from "@colyseus/core";
import { ClientMessage, PRESENCE_HZ, ServerMessage, bandwidthSetSchema, poseMessageSchema } from "@otc/contract";
import { defaultPoseRules } from "@otc/presence";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { POSE_BURST, PoseIntake, type IntakeResult } from "./pose-intake.js";
import { PresenceRelay } from "./presence-relay.js";

/**
 * Presence: poses in (checked against the room's walking rules, never stored), one frame out to each
 * viewer at PRESENCE_HZ (far or out-of-view avatars at a quarter of that: interest management in
 * @otc/presence; a big room's frames in parts, turn by turn of the event loop), and a keyframe for each joiner. The seam's rate sits above the intake's own
 * limiter, which decides (and counts, in the room's refusal ledger) what a fast sender loses.
 * A low-bandwidth viewer (join option or `bandwidth-set`) gets everyone beyond arm's reach at the far rate, head only.
 */
export const presenceFeature: FeatureFactory = (ctx) => {
  const intake = new PoseIntake(defaultPoseRules(ctx.layout.walkable), ctx.refusals);
  const framed = ctx.framedBytes(ServerMessage.presenceFrame);
  const relay = new PresenceRelay(framed.header, framed.send, (run) => ctx.soon(run));
  // A held pose refused by the rules on release is counted; its sender is told only about poses they just sent.
  const apply = (id: string, result: IntakeResult, client?: Client) => {
    const slot = ctx.roster.get(id)?.slot;
    if (result.accepted && slot !== undefined) {
      relay.set(slot, result.accepted, ctx.now());
      ctx.moved(id, result.accepted);
    } else if (!result.accepted && client) ctx.notify(client, result.notice);
  };
  ctx.every(1000 / PRESENCE_HZ, () => {
    for (const { id, result } of intake.releaseHeld(ctx.now())) apply(id, result);
    relay.tick();
  });
  return {
    name: "presence",
    messages: {
      // The seam's burst is above the intake's (which holds the latest refused pose): a stalled honest sender reaches the intake.
      [ClientMessage.pose]: message(poseMessageSchema, { perSecond: PRESENCE_HZ * 2, burst: POSE_BURST + PRESENCE_HZ }, (client, value) =>
        apply(client.sessionId, intake.receive(client.sessionId, { ok: true, value }, ctx.now()), client),
      ),
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
