import { ClientMessage, setRoleMessageSchema } from "@otc/contract";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { setRole } from "./set-role.js";

/** Roles: a facilitator promotes a participant to co-facilitator or back (a stored document). */
export const rolesFeature: FeatureFactory = (ctx) => ({
  name: "roles",
  messages: {
    [ClientMessage.setRole]: message(setRoleMessageSchema, { perSecond: 2, burst: 6 }, async (client, value) => {
      ctx.notify(client, await setRole({ roster: ctx.roster, storage: ctx.storage, sessionId: ctx.sessionId, now: ctx.now }, client.sessionId, value));
    }),
  },
});
