import { validate, type Client } from "@colyseus/core";
import { WhiteboardMessage, boardInkMessageSchema, boardOpMessageSchema, boardSyncMessageSchema, type RejectionCode } from "@otc/contract";
import { can } from "@otc/roles";
import type { Actor } from "@otc/whiteboard";
import { lenient } from "../../lenient-schema.js";
import type { Whiteboards } from "./whiteboards.js";

/** What the whiteboard handlers need from their room. */
export interface WhiteboardRoomPort {
  /** Undefined in a room that runs no stored session (it admits nobody anyway). */
  whiteboards(): Whiteboards | undefined;
  /** The sender's stable person id and current role, if they are in the room. */
  person(clientId: string): { personId: string; role: string } | undefined;
  refuse(client: Client, reason: RejectionCode, detail?: string): void;
}

/**
 * The room's whiteboard messages, parsed with zod at the edge (a malformed one is dropped and
 * counted, never fatal); spread into the room's `messages` map.
 */
export function whiteboardMessages(port: WhiteboardRoomPort) {
  return {
    [WhiteboardMessage.boardOp]: validate(lenient(boardOpMessageSchema), async (client: Client, message) => {
      if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
      const boards = port.whiteboards();
      const person = port.person(client.sessionId);
      if (!boards || !person) return port.refuse(client, "invalid-message", "no whiteboards here");
      const actor: Actor = { person: person.personId, mayClear: can(person.role, "board-clear"), mayTemplate: can(person.role, "board-template") };
      const refusal = await boards.op(client.sessionId, actor, message.value);
      if (refusal) port.refuse(client, refusal.reason, refusal.detail);
    }),
    [WhiteboardMessage.boardInk]: validate(lenient(boardInkMessageSchema), (client: Client, message) => {
      if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
      const refusal = port.whiteboards()?.ink(client.sessionId, message.value);
      if (refusal) port.refuse(client, refusal.reason, refusal.detail);
    }),
    [WhiteboardMessage.boardSync]: validate(lenient(boardSyncMessageSchema), (client: Client, message) => {
      if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
      const refusal = port.whiteboards()?.sync(client.sessionId);
      if (refusal) port.refuse(client, refusal.reason, refusal.detail);
    }),
  };
}
