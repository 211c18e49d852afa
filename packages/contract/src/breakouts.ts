import { z } from "zod";
import type { PreparedPlanSummary } from "./breakout-plans.js";
import type { BoardSnapshot } from "./whiteboard.js";

export const BREAKOUT_GROUPS_LIMIT = 20;
export const BREAKOUT_MAX_SECONDS = 4 * 60 * 60;
export const BREAKOUT_MESSAGE_MAX = 200;
const personId = z.string().min(1).max(64);
const roomId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/);

/** Client → server breakout messages. All but `sync` and `back` are a facilitator's. */
export const BreakoutMessage = {
  /** Makes a plan from the people present: random (seeded) or by a list of names per group. */
  plan: "breakout.plan",
  /** Moves one person to a group (-1: stays in the main room). */
  move: "breakout.move",
  /** Starts the plan: every group gets its own session; everyone gets their own invitation. */
  start: "breakout.start",
  /** A message shown in every group. */
  broadcast: "breakout.broadcast",
  /** The facilitator goes to one group (and comes back with `back`). */
  visit: "breakout.visit",
  /** Ends the breakout early: everyone is warned, then brought back 30 s later. */
  end: "breakout.end",
  /** In a group: go back to the main room now. */
  back: "breakout.back",
  /** Send me the breakout state (a page asks once its handlers listen). */
  sync: "breakout.sync",
  /** Starts a plan prepared in the console on the people present (`{ planId }`). */
  startPlan: "breakout.startPlan",
  /** After a breakout: shows groups' boards on the main room's boards (read-only copies), or stops. */
  gallery: "breakout.gallery",
} as const;

export const breakoutPlanMessageSchema = z.object({
  groups: z.number().int().min(1).max(BREAKOUT_GROUPS_LIMIT),
  how: z.enum(["random", "list"]).default("random"),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
  /** Names per group (how: list). */
  list: z.array(z.array(z.string().max(60)).max(100)).max(BREAKOUT_GROUPS_LIMIT).default([]),
});
export type BreakoutPlanMessage = z.infer<typeof breakoutPlanMessageSchema>;
export const breakoutMoveMessageSchema = z.object({ personId, group: z.number().int().min(-1).max(BREAKOUT_GROUPS_LIMIT - 1) });
export const breakoutStartMessageSchema = z.object({
  seconds: z.number().int().min(10).max(BREAKOUT_MAX_SECONDS),
  /** The room template of every group (breakout-pods by default). */
  room: roomId.optional(),
});
export type BreakoutStartMessage = z.infer<typeof breakoutStartMessageSchema>;
export const breakoutBroadcastMessageSchema = z.object({ text: z.string().min(1).max(BREAKOUT_MESSAGE_MAX * 2) });
export const breakoutVisitMessageSchema = z.object({ group: z.number().int().min(0).max(BREAKOUT_GROUPS_LIMIT - 1) });
export const breakoutEmptyMessageSchema = z.object({});
/** `all`: group i's board on the main room's board i; `none`: every board its own again; `one`: one board shows one group (-1: its own). */
export const breakoutGalleryMessageSchema = z.discriminatedUnion("what", [
  /** Groups shown one per board; with more groups than boards, `page` picks which boards-full (0 first). */
  z.object({ what: z.literal("all"), page: z.number().int().min(0).max(BREAKOUT_GROUPS_LIMIT - 1).default(0) }),
  z.object({ what: z.literal("none") }),
  z.object({ what: z.literal("one"), board: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/), group: z.number().int().min(-1).max(BREAKOUT_GROUPS_LIMIT - 1) }),
]);
export type BreakoutGalleryMessage = z.infer<typeof breakoutGalleryMessageSchema>;

/** Server → client breakout messages. */
export const BreakoutServerMessage = {
  state: "breakout.state",
  /** This person's own invitation: to their group, to a visited group, or back to the main room. */
  go: "breakout.go",
  /** A facilitator's message to every group. */
  message: "breakout.message",
  /** The group boards the main room's boards show now (everyone; on change and on sync). */
  gallery: "breakout.gallery",
} as const;

/** One main-room board showing a read-only copy of a group's board. */
export interface BreakoutGalleryShow {
  /** The main room's board anchor. */
  board: string;
  group: number;
  /** The group's board as it was at the end (its own board id and size). */
  snapshot: BoardSnapshot;
}
export interface BreakoutGalleryPayload {
  shows: BreakoutGalleryShow[];
  /** The page "all" last showed (groups page×boards onwards), and how many pages the last breakout's groups fill. */
  page: number;
  pages: number;
}

/** One group of a running breakout, as the main room's facilitators see it. */
export interface BreakoutGroupView {
  title: string;
  /** Person ids sent there. */
  people: string[];
}

/**
 * What a page knows of breakouts. In the main room: the plan (facilitators prepare it) and the
 * running breakout; in a group: which group it is and when everyone goes back. `serverNow` lets a
 * page count down on its own.
 */
export interface BreakoutStatePayload {
  where: "main" | "group";
  plan: { groups: string[][]; names: Record<string, string> } | null;
  running: { startedAt: number; endsAt: number; room: string; groups: BreakoutGroupView[] } | null;
  /** In a group: its number (0-based) and the main session's title. */
  group: { index: number; mainTitle: string } | null;
  serverNow: number;
  /** Main room, facilitators: plans prepared in the console. */
  prepared?: PreparedPlanSummary[];
  /** Main room, facilitators: people named by the last started plan who were not present (skipped). */
  skipped?: string[];
  /** Main room: how many groups the last finished breakout had (their boards can be shown). */
  lastGroups?: number;
}

export type BreakoutGoReason = "start" | "visit" | "return";

/** Where one person goes now (a private message). */
export interface BreakoutGo {
  reason: BreakoutGoReason;
  /** `/s/<session>?k=<signed link>` with the person's own kind of link. */
  path: string;
  title: string;
  /** The group (0-based) for "start" and "visit"; -1 for "return". */
  group: number;
  room: string;
}

export interface BreakoutBroadcast {
  text: string;
  from: string;
}
