import { z } from "zod";

/** Client → server: a facilitator gathers everyone (`start`, `cancel`); a person asks to stay where they are (`stay`). */
export const GatherMessage = { start: "gather.start", stay: "gather.stay", cancel: "gather.cancel" } as const;

export const GATHER_TARGETS = ["facilitator", "spot", "seats"] as const;
export const gatherStartMessageSchema = z.object({
  to: z.enum(GATHER_TARGETS),
  /** A screen, board or door id of the room file (to: "spot"). */
  spot: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/).optional(),
  /** People may press "Stay here" during the countdown. */
  allowStay: z.boolean().default(false),
});
export type GatherStartMessage = z.infer<typeof gatherStartMessageSchema>;
export const gatherEmptyMessageSchema = z.object({});

/** Server → client: the countdown (null: none) and, to each person, where they are moved. */
export const GatherServerMessage = { state: "gather.state", move: "gather.move" } as const;

export interface GatherView {
  to: (typeof GATHER_TARGETS)[number];
  spot: string | null;
  allowStay: boolean;
  /** When people are moved, the server's clock (ms). */
  endsAt: number;
  /** The gathering facilitator's name. */
  by: string;
  /** Connection ids of people who stay. */
  staying: string[];
}

export interface GatherStatePayload {
  gather: GatherView | null;
  serverNow: number;
}

/** Where one person stands after the gather: a floor point and the view's yaw (radians, 0 looks along −z). */
export interface GatherMove {
  x: number;
  z: number;
  yaw: number;
}
