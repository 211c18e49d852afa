/**
 * Roles a person can hold in a session. The server decides the role on join (from a signed link and
 * stored promotions) and it travels in `Participant.role`; clients only display it.
 */
export const ROLES = ["facilitator", "co-facilitator", "participant"] as const;
export type Role = (typeof ROLES)[number];

/** Things only some roles may do; every privileged room message and API names one of these. */
export const PRIVILEGED_ACTIONS = [
  "set-role", // promote a participant to co-facilitator or demote them
  "moderate", // mute others, mute all, mute lock, gather, lock the room
  "present", // control slide screens, timers, polls, breakouts
  "board-clear", // clear a whiteboard (undoable by whoever cleared it)
  "board-template", // replace a whiteboard with a template
] as const;
export type PrivilegedAction = (typeof PRIVILEGED_ACTIONS)[number];

/** Roles a facilitator may assign from inside the room (the facilitator role itself comes only from a link). */
export const ASSIGNABLE_ROLES = ["co-facilitator", "participant"] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
