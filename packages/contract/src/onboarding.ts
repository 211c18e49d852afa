import { z } from "zod";

/**
 * Every onboarding step, in teaching order: the comfort check first, then the nine skills. A device
 * runs the subset that fits it (see @otc/onboarding); the wire carries these ids only.
 */
export const ONBOARDING_STEPS = ["comfort", "look", "move", "turn", "menu", "mute", "hand", "draw", "slides", "height"] as const;
export type OnboardingStepId = (typeof ONBOARDING_STEPS)[number];
/** How the person takes the onboarding: mouse and keyboard, a touch screen (phone, tablet), or a headset with controllers or hands. */
export const ONBOARDING_DEVICES = ["desktop", "touch", "vr-controllers", "vr-hands"] as const;
export type OnboardingDevice = (typeof ONBOARDING_DEVICES)[number];

/** Client → server onboarding messages. */
export const OnboardingMessage = {
  /** Where this person is in their onboarding (a document: stored per person key). */
  progress: "onboarding.progress",
  /** Send me my own record and, to a facilitator, everyone's (a page asks once its handlers listen), payload `{}`. */
  onboardingSync: "onboarding.sync",
} as const;

export const onboardingSyncMessageSchema = z.object({});

/**
 * One person's progress: the step they are on (null once finished), how many steps their device
 * runs, which they skipped. Timing is the server's: it stamps when a step began.
 */
export const onboardingProgressMessageSchema = z.object({
  device: z.enum(ONBOARDING_DEVICES),
  step: z.enum(ONBOARDING_STEPS).nullable(),
  index: z.number().int().min(0).max(ONBOARDING_STEPS.length),
  count: z.number().int().min(1).max(ONBOARDING_STEPS.length),
  skipped: z.array(z.enum(ONBOARDING_STEPS)).max(ONBOARDING_STEPS.length),
});
export type OnboardingProgressMessage = z.infer<typeof onboardingProgressMessageSchema>;

/** One person's stored onboarding record (key: person id). */
export interface OnboardingRecord {
  personId: string;
  name: string;
  device: OnboardingDevice;
  step: OnboardingStepId | null;
  index: number;
  count: number;
  skipped: OnboardingStepId[];
  /** Server time the current step began, ms. */
  stepSince: number;
  /** Server time the person finished, ms; null while in progress. */
  completedAt: number | null;
}

/** Server → client: the person's own record; to facilitators, everyone's, with the server clock. */
export const OnboardingServerMessage = { mine: "onboarding.mine", table: "onboarding.table" } as const;

export interface OnboardingMinePayload {
  record: OnboardingRecord | null;
}

export interface OnboardingTablePayload {
  /** `id`: the person's connection now (where a facilitator goes to them), null while they are away. */
  people: (OnboardingRecord & { connected: boolean; id: string | null })[];
  serverNow: number;
}
