import { Rejection } from "./rejections.js";
import { schema, t, type SchemaType } from "@colyseus/schema";
import { z } from "zod";

/**
 * Facilitator powers over who is in the room: removal (and the session's blocked list), capacity,
 * the lock and its waiting room, and the hand-raise queue. Every message here is privileged
 * (can(role, "moderate")); the server refuses it to a participant with "not-allowed". A person's own
 * hand still travels as AvatarMessage.handRaise; the moderation feature keeps the queue.
 */
export const ModerationMessage = {
  remove: "mod.remove",
  unblock: "mod.unblock",
  lock: "mod.lock",
  capacity: "mod.capacity",
  admit: "mod.admit",
  callNext: "mod.call-next",
  done: "mod.done",
  lowerAll: "mod.lower-all",
} as const;

/** Longest reason a facilitator may give when removing someone, characters. */
export const REMOVE_REASON_MAX = 200;
/** Most people a session may hold, whatever its room. */
export const CAPACITY_MAX = 500;
/** Capacity of a room whose file has no seats. */
export const CAPACITY_DEFAULT = 50;

const peerId = z.string().min(1).max(64);
/** The reason is required: the removed person is always told why (blank or control characters only is refused). */
export const removeMessageSchema = z.object({
  target: peerId,
  reason: z
    .string()
    .max(REMOVE_REASON_MAX)
    .refine((r) => r.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim().length > 0, "a reason is required"),
});
export const unblockMessageSchema = z.object({ personId: peerId });
export const lockMessageSchema = z.object({ locked: z.boolean() });
export const capacityMessageSchema = z.object({ capacity: z.number().int().min(1).max(CAPACITY_MAX) });
export const admitMessageSchema = z.object({ personId: peerId, admit: z.boolean() });
export const emptyMessageSchema = z.object({}).strict();

/** A join waiting in the locked session's waiting room. */
export const Waiter = schema({ personId: t.string(), name: t.string(), since: t.number() }, "Waiter");
export type Waiter = SchemaType<typeof Waiter>;

/** The moderation part of the room state (documents: the lock, capacity and blocked list are stored). */
export const ModerationState = schema(
  {
    locked: t.boolean().default(false),
    capacity: t.uint16().default(CAPACITY_DEFAULT),
    /** Session ids of raised hands, first raised first. */
    hands: t.array("string"),
    /** Session id of the person called on from the queue (on stage until "done"), "" for none. */
    speaking: t.string().default(""),
    /** Waiting joins by person id. */
    waiting: t.map(Waiter),
    /** Removed people who may not rejoin: person id → the name they had. */
    blocked: t.map("string"),
    /** Session ids whose chat a facilitator switched off. */
    chatOff: t.map("boolean"),
  },
  "ModerationState",
);
export type ModerationState = SchemaType<typeof ModerationState>;

/** Why a join was kept out by moderation: refusal codes (in `Rejection`), worded by the client's catalogues. */
export const ModerationRejection = {
  removed: Rejection.removed,
  sessionFull: Rejection.sessionFull,
  waiting: Rejection.waitingRoom,
  refused: Rejection.waitingRefused,
} as const;
export type ModerationRejectionCode = (typeof ModerationRejection)[keyof typeof ModerationRejection];

/** Join error code of a join held in the waiting room: the page waits and tries again (not a refusal). */
export const WAITING_ROOM_CODE = 4409;
/** How often a waiting page asks again, ms; a waiter not heard from for 3 of these leaves the list. */
export const WAITING_POLL_MS = 2000;

/** Console: change a session's lock or capacity (`PUT`-like POST to /api/sessions/<id>/moderation). */
export const consoleModerationChangeSchema = z.object({ locked: z.boolean().optional(), capacity: z.number().int().min(1).max(CAPACITY_MAX).optional() }).strict();
export const consoleAdmitSchema = admitMessageSchema.strict();
export const consoleUnblockSchema = unblockMessageSchema.strict();
/** Console: what it shows of a session's moderation; `live` is false when nobody is in the room (no waiting room then). */
export interface ConsoleModerationView {
  live: boolean;
  locked: boolean;
  capacity: number;
  waiting: { personId: string; name: string; since: number }[];
  blocked: { personId: string; name: string }[];
}
