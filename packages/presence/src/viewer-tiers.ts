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
  /** The slots it follows near (a few dozen of a crowd): its frame looks these up instead of scanning every near entry. */
  nearSlots: Set<number>;
  /** The tick encoded when its stream (re)started: its keyframe already holds that tick's state, so that tick's frame is not for it. */
  since: number;
}

export const UNASSIGNED = 0;

/** One tier's entries of a tick: the slots in the order encoded, and each slot's entry by slot. */
export interface TickEntries {
  slots: number[];
  bySlot: Array<Uint8Array | undefined>;
}

export const NO_ENTRIES: TickEntries = { slots: [], bySlot: [] };

export function tableOf(entries: Map<number, Uint8Array>): TickEntries {
  if (entries.size === 0) return NO_ENTRIES;
  const slots = [...entries.keys()];
  const bySlot: Array<Uint8Array | undefined> = [];
  for (const [slot, entry] of entries) bySlot[slot] = entry;
  return { slots, bySlot };
}

/** The tier a viewer should follow an avatar whose head is at (x, z) in (`current` widens the limits: hysteresis). */
export function wantedAt(viewer: Viewer, eye: Eye, x: number, z: number, current: ViewerTier | typeof UNASSIGNED | undefined): ViewerTier {
  const tier = tierSeen(eye, x, z, current === UNASSIGNED || current === undefined ? undefined : current === Tier.near ? Tier.near : Tier.far, viewer.rules);
  if (tier !== Tier.far || !viewer.low) return tier;
  return inViewOf(eye, x, z, current === LEAN) ? LEAN : BEHIND;
}

/** Adds the entries of the avatars this viewer follows in `tier`. */
export function pushFollowed(entries: Uint8Array[], viewer: Viewer, table: TickEntries, tier: ViewerTier): void {
  for (const slot of table.slots) if (tierOf(viewer, slot) === tier) entries.push(table.bySlot[slot]!);
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
  if (viewer.tiers[slot] === UNASSIGNED) viewer.assigned++;
  viewer.tiers[slot] = tier;
  if (tier === Tier.near) viewer.nearSlots.add(slot);
  else viewer.nearSlots.delete(slot);
}

export function unassign(viewer: Viewer, slot: number): void {
  if (tierOf(viewer, slot) === UNASSIGNED) return;
  viewer.tiers[slot] = UNASSIGNED;
  viewer.assigned--;
  viewer.nearSlots.delete(slot);
}
