import { z } from "zod";
import { BREAKOUT_GROUPS_LIMIT, BREAKOUT_MAX_SECONDS } from "./breakouts.js";

/** Plans one session may keep ready. */
export const PREPARED_PLANS_MAX = 20;
/** Names (or person ids) one group of a plan may list. */
export const PREPARED_GROUP_PEOPLE_MAX = 60;
export const PREPARED_PLAN_NAME_MAX = 60;
export const PREPARED_PERSON_MAX = 60;
/** A prepared plan's id: short, URL-safe (the console makes one). */
export const PREPARED_PLAN_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * A breakout plan prepared in the console before the session: how many groups, the room each
 * group meets in, who goes where (random, or lists of names / person ids) and for how long.
 * Stored as a session document; the facilitator starts it on the people present.
 */
export const preparedPlanSchema = z.object({
  name: z.string().trim().min(1).max(PREPARED_PLAN_NAME_MAX),
  how: z.enum(["random", "list"]),
  seconds: z.number().int().min(10).max(BREAKOUT_MAX_SECONDS),
  groups: z
    .array(
      z.object({
        room: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/),
        /** Names or person ids (how: list); ignored for a random plan. */
        people: z.array(z.string().trim().min(1).max(PREPARED_PERSON_MAX)).max(PREPARED_GROUP_PEOPLE_MAX).default([]),
      }),
    )
    .min(1)
    .max(BREAKOUT_GROUPS_LIMIT),
});
export type PreparedPlanInput = z.input<typeof preparedPlanSchema>;
export type PreparedPlanBody = z.infer<typeof preparedPlanSchema>;
export interface PreparedPlan extends PreparedPlanBody {
  id: string;
}

/** What the facilitator's panel shows of a prepared plan. */
export interface PreparedPlanSummary {
  id: string;
  name: string;
  how: "random" | "list";
  seconds: number;
  groups: number;
}

export const breakoutStartPlanMessageSchema = z.object({ planId: z.string().regex(PREPARED_PLAN_ID) });
export type BreakoutStartPlanMessage = z.infer<typeof breakoutStartPlanMessageSchema>;
