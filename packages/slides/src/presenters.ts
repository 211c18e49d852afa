import { can } from "@otc/roles";

/**
 * Whether a person may page the slide screens and point at them: whoever may "present" by role
 * (facilitator, co-facilitator), or a participant a facilitator made presenter.
 */
export function mayPage(role: string, granted: boolean): boolean {
  return can(role, "present") || granted;
}

/** Whether a person may upload decks, put them on screens and grant the presenter right. */
export function mayManageSlides(role: string): boolean {
  return can(role, "present");
}

