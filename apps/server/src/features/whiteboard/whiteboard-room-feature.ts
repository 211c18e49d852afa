import { WhiteboardMessage, boardInkMessageSchema, boardOpMessageSchema, boardSyncMessageSchema } from "@otc/contract";
import { can } from "@otc/roles";
import type { Actor } from "@otc/whiteboard";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { contributed } from "../record/contributions.js";
import { BOARD_INK_PER_SECOND, BOARD_OPS_BURST, BOARD_OPS_PER_SECOND, Whiteboards } from "./whiteboards.js";

/**
 * Whiteboards: the session's boards (documents: every op stored before it is shown), live ink
 * (presence), and a full resend on request. Rates here sit above Whiteboards' own limiters.
 */
export const whiteboardFeature: FeatureFactory = async (ctx) => {
  const boards = ctx.session
    ? await Whiteboards.load({
        storage: ctx.storage,
        sessionId: ctx.sessionId,
        anchors: ctx.layout.boards,
        now: ctx.now,
        log: ctx.log,
        send: (id, type, payload) => void ctx.send(id, type, payload),
        broadcast: (type, payload, except) => ctx.broadcast(type, payload, except),
      })
    : undefined;
  return {
    name: "whiteboard",
    messages: {
      [WhiteboardMessage.boardOp]: message(boardOpMessageSchema, { perSecond: BOARD_OPS_PER_SECOND * 1.5, burst: BOARD_OPS_BURST * 1.5 }, async (client, value) => {
        const [who, identity] = [ctx.roster.get(client.sessionId), ctx.roster.identity(client.sessionId)];
        if (!boards || !who || !identity) return ctx.refuse(client, "invalid-message", "no whiteboards here");
        const actor: Actor = { person: identity.personId, mayClear: can(who.role, "board-clear"), mayTemplate: can(who.role, "board-template") };
        const refusal = await boards.op(client.sessionId, actor, value);
        if (refusal) ctx.refuse(client, refusal.reason, refusal.detail);
        else if (value.op.t === "stroke" || value.op.t === "note") contributed(ctx, identity.personId, value.op.t);
      }),
      [WhiteboardMessage.boardInk]: message(boardInkMessageSchema, { perSecond: BOARD_INK_PER_SECOND * 1.5, burst: BOARD_INK_PER_SECOND * 1.5 }, (client, value) => {
        const refusal = boards?.ink(client.sessionId, value);
        if (refusal) ctx.refuse(client, refusal.reason, refusal.detail);
      }),
      [WhiteboardMessage.boardSync]: message(boardSyncMessageSchema, { perSecond: 2, burst: 6 }, (client, value) => {
        const refusal = boards?.sync(client.sessionId, value.board);
        if (refusal) ctx.refuse(client, refusal.reason, refusal.detail);
      }),
    },
    leave: (client) => boards?.forget(client.sessionId),
    // A snapshot being written in the background finishes before storage closes.
    dispose: () => boards?.settled(),
  };
};
