import { ClientMessage, deviceMessageSchema } from "@otc/contract";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";

/**
 * Participants: the roster itself lives in the room context (every feature reads it); this feature
 * keeps each seat's connected flag and device kind up to date.
 */
export const participantsFeature: FeatureFactory = (ctx) => ({
  name: "participants",
  messages: {
    // A page reports VR/desktop on entering and leaving VR: a few a second at most.
    [ClientMessage.device]: message(deviceMessageSchema, { perSecond: 2, burst: 6 }, (client, value) => ctx.roster.setDevice(client.sessionId, value.device)),
  },
  drop: (client) => ctx.roster.setConnected(client.sessionId, false),
  reconnect: (client) => ctx.roster.setConnected(client.sessionId, true),
});
