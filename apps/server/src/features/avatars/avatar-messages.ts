import { validate, type Client } from "@colyseus/core";
import {
  AvatarMessage,
  appearanceMessageSchema,
  awayMessageSchema,
  handRaiseMessageSchema,
  modelMessageSchema,
  reactionMessageSchema,
  type ReactionBroadcastPayload,
  type RejectionCode,
} from "@otc/contract";
import { lenient, type Parsed } from "../../lenient-schema.js";
import type { AvatarState } from "./avatar-state.js";

/** What the avatar handlers need from their room. */
export interface AvatarRoomPort {
  avatars(): AvatarState;
  now(): number;
  refuse(client: Client, reason: RejectionCode, detail?: string): void;
  broadcastReaction(payload: ReactionBroadcastPayload): void;
}

/**
 * The room's avatar messages, each parsed with zod at the edge (a malformed one is dropped and
 * counted, never fatal) and rate-limited per person; spread into the room's `messages` map.
 */
export function avatarMessages(port: AvatarRoomPort) {
  /** Common guard: parsed, and within the person's change rate. */
  const change = <T>(apply: (id: string, value: T) => boolean | void) => (client: Client, message: Parsed<T>) => {
    if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
    if (!port.avatars().allowChange(client.sessionId, port.now())) return port.refuse(client, "rate-limited");
    if (apply(client.sessionId, message.value) === false) port.refuse(client, "invalid-message", "no such uploaded model");
  };
  return {
    [AvatarMessage.appearance]: validate(lenient(appearanceMessageSchema), change((id, v) => port.avatars().setAppearance(id, v.appearance))),
    [AvatarMessage.model]: validate(lenient(modelMessageSchema), change((id, v) => port.avatars().setModel(id, v.hash))),
    [AvatarMessage.handRaise]: validate(lenient(handRaiseMessageSchema), change((id, v) => port.avatars().setHandRaised(id, v.raised))),
    [AvatarMessage.away]: validate(lenient(awayMessageSchema), change((id, v) => port.avatars().setAway(id, v.away))),
    [AvatarMessage.reaction]: validate(lenient(reactionMessageSchema), (client: Client, message) => {
      if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
      const { reaction } = message.value;
      if (!port.avatars().allowReaction(client.sessionId, reaction, port.now())) return port.refuse(client, "rate-limited");
      port.broadcastReaction({ id: client.sessionId, reaction });
    }),
  };
}
