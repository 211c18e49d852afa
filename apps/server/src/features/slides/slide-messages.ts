import { validate, type Client } from "@colyseus/core";
import { SlidesMessage, slideAssignMessageSchema, slideGrantMessageSchema, slidePageMessageSchema, slidePointerMessageSchema, type Notice, type RejectionCode } from "@otc/contract";
import { lenient, type Parsed } from "../../lenient-schema.js";
import type { SlidesFeature } from "./slides-feature.js";

/** What the slide handlers need from their room. */
export interface SlidesRoomPort {
  slides(): SlidesFeature;
  refuse(client: Client, reason: RejectionCode, detail?: string): void;
  notify(client: Client, notice: Notice | undefined): void;
}

/**
 * The room's slide messages, parsed with zod at the edge (a malformed one is dropped, counted and
 * answered with a notice, never fatal); spread into the room's `messages` map.
 */
export function slideMessages(port: SlidesRoomPort) {
  const handle = <T>(run: (id: string, value: T) => Promise<Notice | undefined> | Notice | undefined) => async (client: Client, message: Parsed<T>) => {
    if (!message.ok) return port.refuse(client, "invalid-message", message.detail);
    port.notify(client, await run(client.sessionId, message.value));
  };
  return {
    [SlidesMessage.page]: validate(lenient(slidePageMessageSchema), handle((id, v) => port.slides().page(id, v))),
    [SlidesMessage.assign]: validate(lenient(slideAssignMessageSchema), handle((id, v) => port.slides().assign(id, v))),
    [SlidesMessage.grant]: validate(lenient(slideGrantMessageSchema), handle((id, v) => port.slides().grant(id, v))),
    [SlidesMessage.pointer]: validate(lenient(slidePointerMessageSchema), handle((id, v) => port.slides().pointer(id, v))),
  };
}
