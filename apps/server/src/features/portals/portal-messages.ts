import { validate, type Client } from "@colyseus/core";
import { ClientMessage, ServerMessage, portalUseMessageSchema, type Notice, type PortalOpen, type RejectionCode, type RoomLayout } from "@otc/contract";
import { lenient } from "../../lenient-schema.js";
import type { PortalService } from "./portal-service.js";

/** What the door handler needs from its room. */
export interface PortalRoomPort {
  portals(): PortalService | null;
  layout(): RoomLayout;
  sessionId(): string;
  /** Room clock, ms. */
  now(): number;
  linkKind(clientId: string): "participant" | "facilitator" | undefined;
  refuse(client: Client, reason: RejectionCode, detail?: string): void;
  notify(client: Client, notice: Notice): void;
}

/** A person opens at most one door a second: each use may read and write the session store. */
export const PORTAL_USE_INTERVAL_MS = 1000;

/** `portal.use`: validated at the edge; answers the walker alone with where the door leads, or why it is closed. */
export function portalMessages(port: PortalRoomPort) {
  const lastUse = new Map<string, number>();
  return {
    [ClientMessage.portalUse]: validate(lenient(portalUseMessageSchema), async (client: Client, message) => {
      if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
      const now = port.now();
      if (now - (lastUse.get(client.sessionId) ?? -Infinity) < PORTAL_USE_INTERVAL_MS) return port.refuse(client, "rate-limited", "one door a second");
      lastUse.set(client.sessionId, now);
      const door = port.layout().portals.find((p) => p.id === message.value.portal);
      const kind = port.linkKind(client.sessionId);
      const portals = port.portals();
      if (!door || !kind || !portals) return port.notify(client, { code: "not-allowed", text: "There is no such door in this room." });
      const result = await portals.open(port.sessionId(), door.to, kind);
      if (!result.ok) return port.notify(client, { code: "not-allowed", text: result.text });
      const open: PortalOpen = { portal: door.id, ...result.open };
      client.send(ServerMessage.portalOpen, open);
    }),
  };
}
