import { validate, type Client } from "@colyseus/core";
import { ClientMessage, ServerMessage, portalUseMessageSchema, type Notice, type PortalOpen, type RejectionCode, type RoomLayout } from "@otc/contract";
import { lenient } from "../../lenient-schema.js";
import type { PortalService } from "./portal-service.js";

/** What the door handler needs from its room. */
export interface PortalRoomPort {
  portals(): PortalService | null;
  layout(): RoomLayout;
  sessionId(): string;
  linkKind(clientId: string): "participant" | "facilitator" | undefined;
  refuse(client: Client, reason: RejectionCode, detail?: string): void;
  notify(client: Client, notice: Notice): void;
}

/** `portal.use`: validated at the edge; answers the walker alone with where the door leads, or why it is closed. */
export function portalMessages(port: PortalRoomPort) {
  return {
    [ClientMessage.portalUse]: validate(lenient(portalUseMessageSchema), async (client: Client, message) => {
      if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
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
