import { Tier, inViewOf, tierSeen, type Eye, type InterestRules } from "./interest.js";

// A viewer's side of interest management: which tier it follows each avatar in, and how it takes a
// tier's entries of a tick (presence-streams.ts holds the shared tiers and splices the frames).

/** The far tier without hands, for low-bandwidth viewers' avatars in view (their hands rest). */
export const LEAN = 3;
/** LEAN's slower twin, for low-bandwidth viewers' avatars out of view. */
export const BEHIND = 4;
export type ViewerTier = Tier | typeof LEAN | typeof BEHIND;

export interface Viewer {
  slot: number;
  low: boolean;
  /** Where near ends for this viewer (a low-bandwidth viewer follows only close avatars near). */
  rules: InterestRules;
  /** The tier this viewer follows each slot in, by slot; 0 until the viewer holds that slot's reference. */
  tiers: Uint8Array;
  /** Slots with a tier. */
  assigned: number;
  /** The slots it follows near, ascending (a few dozen of a crowd): its frame looks these up in the near tier instead of scanning all of it. */
  near: number[];
  /** The tick encoded when its stream (re)started: its keyframe already holds that tick's state, so that tick's frame is not for it. */
  since: number;
}

export const UNASSIGNED = 0;

/**
 * One tier's entries of a tick, in slot order: the slots, each slot's position by slot (−1: none this
 * tick), and all entries back to back (entry i is `bytes` from `at[i]` to `at[i + 1]`), so a viewer
 * who follows a run of them takes the run in one copy (`TierRuns`).
 */
export interface TickEntries {
  slots: number[];
  indexOf: Int32Array;
  bytes: Uint8Array;
  at: Int32Array;
}

export const NO_ENTRIES: TickEntries = { slots: [], indexOf: new Int32Array(0), bytes: new Uint8Array(0), at: new Int32Array(1) };

export function tableOf(entries: Map<number, Uint8Array>): TickEntries {
  if (entries.size === 0) return NO_ENTRIES;
  // slot order, not the order poses came in: the people a viewer follows in a tier then make longer runs
  const slots = [...entries.keys()].sort((a, b) => a - b);
  const ordered = slots.map((slot) => entries.get(slot)!);
  const indexOf = new Int32Array(slots[slots.length - 1]! + 1).fill(-1);
  const at = new Int32Array(slots.length + 1);
  for (let i = 0; i < slots.length; i++) {
    indexOf[slots[i]!] = i;
    at[i + 1] = at[i]! + ordered[i]!.length;
  }
  const bytes = new Uint8Array(at[slots.length]!);
  for (let i = 0; i < slots.length; i++) bytes.set(ordered[i]!, at[i]!);
  return { slots, indexOf, bytes, at };
}

/** The tier a viewer should follow an avatar whose head is at (x, z) in (`current` widens the limits: hysteresis). */
export function wantedAt(viewer: Viewer, eye: Eye, x: number, z: number, current: ViewerTier | typeof UNASSIGNED | undefined): ViewerTier {
  const tier = tierSeen(eye, x, z, current === UNASSIGNED || current === undefined ? undefined : current === Tier.near ? Tier.near : Tier.far, viewer.rules);
  if (tier !== Tier.far || !viewer.low) return tier;
  return inViewOf(eye, x, z, current === LEAN) ? LEAN : BEHIND;
}

export function tierOf(viewer: Viewer, slot: number): ViewerTier | typeof UNASSIGNED {
  return slot < viewer.tiers.length ? (viewer.tiers[slot] as ViewerTier | typeof UNASSIGNED) : UNASSIGNED;
}

export function assign(viewer: Viewer, slot: number, tier: ViewerTier): void {
  if (slot >= viewer.tiers.length) {
    const grown = new Uint8Array(Math.max(slot + 1, viewer.tiers.length * 2));
    grown.set(viewer.tiers);
    viewer.tiers = grown;
  }
  const was = viewer.tiers[slot]!;
  if (was === UNASSIGNED) viewer.assigned++;
  viewer.tiers[slot] = tier;
  if (tier === Tier.near && was !== Tier.near) insertSorted(viewer.near, slot);
  else if (tier !== Tier.near && was === Tier.near) removeSorted(viewer.near, slot);
}

export function unassign(viewer: Viewer, slot: number): void {
  if (tierOf(viewer, slot) === UNASSIGNED) return;
  if (viewer.tiers[slot] === Tier.near) removeSorted(viewer.near, slot);
  viewer.tiers[slot] = UNASSIGNED;
  viewer.assigned--;
}

function insertSorted(a: number[], v: number): void {
  let i = a.length;
  a.push(v);
  while (i > 0 && a[i - 1]! > v) {
    a[i] = a[i - 1]!;
    i--;
  }
  a[i] = v;
}

function removeSorted(a: number[], v: number): void {
  const i = a.indexOf(v);
  if (i >= 0) a.splice(i, 1);
}
