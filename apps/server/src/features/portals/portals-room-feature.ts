import { ClientMessage, ServerMessage, notice, portalUseMessageSchema, type PortalOpen } from "@otc/contract";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";

/** A person opens at most one door a second: each use may read and write the session store. */
export const PORTAL_USE_INTERVAL_MS = 1000;

/** Doors: `portal.use` answers the walker alone with where the door leads, or why it is closed. */
export const portalsFeature: FeatureFactory = (ctx) => {
  const lastUse = new Map<string, number>();
  return {
    name: "portals",
    messages: {
      [ClientMessage.portalUse]: message(portalUseMessageSchema, { perSecond: 2, burst: 3 }, async (client, value) => {
        const now = ctx.now();
        if (now - (lastUse.get(client.sessionId) ?? -Infinity) < PORTAL_USE_INTERVAL_MS) return ctx.refuse(client, "rate-limited", "one door a second");
        lastUse.set(client.sessionId, now);
        const door = ctx.layout.portals.find((p) => p.id === value.portal);
        const kind = ctx.roster.identity(client.sessionId)?.linkKind;
        const portals = ctx.config.portals ?? null;
        if (!door || !kind || !portals) return ctx.notify(client, notice("no-such-door"));
        const result = await portals.open(ctx.sessionId, door.to, kind);
        if (!result.ok) return ctx.notify(client, result.notice);
        const open: PortalOpen = { portal: door.id, ...result.open };
        client.send(ServerMessage.portalOpen, open);
      }),
    },
    leave: (client) => void lastUse.delete(client.sessionId),
  };
};
