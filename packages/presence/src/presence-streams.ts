import { FRAME_DELTA, FRAME_KEYFRAME, PresenceTier, joinFrame } from "./codec.js";
import { FrameArena } from "./frame-arena.js";
import { quantiseAvatar, type QuantisedPose } from "./codec-state.js";
import { DEFAULT_INTEREST, Tier, eyeOf, type Eye, type InterestRules } from "./interest.js";
import { JitterFilter } from "./jitter-filter.js";
import { TierRuns } from "./tier-runs.js";
import { BEHIND, LEAN, NO_ENTRIES, UNASSIGNED, assign, tableOf, unassign, wantedAt, type TickEntries, type Viewer, type ViewerTier } from "./viewer-tiers.js";
import type { AvatarPose } from "./types.js";

/** The far stream sends each avatar every FAR_EVERY-th tick, on its slot's turn (`onPhase`): 5 Hz beside the near stream's 20 Hz. */
export const FAR_EVERY = 4;
/** Far viewers tolerate more: 6 steps (6 mm head, 12 mm hands, 6–12 mrad: a pixel or two at 6 m) before an avatar is sent. */
export const FAR_DEADBAND = 6;

/**
 * The behind stream sends each avatar every BEHIND_EVERY-th tick (1.25 Hz; a multiple of FAR_EVERY, so
 * its turns are far turns too): a low-bandwidth viewer's avatars out of view, which it sees only by
 * turning round (within FAR_EVERY ticks they move to the lean tier).
 */
export const BEHIND_EVERY = 16;

/**
 * A room's presence with interest management. Every accepted pose is smoothed (JitterFilter) and
 * quantised once; two shared tiers encode it once per tick each — near every tick (20 Hz), far
 * each avatar every FAR_EVERY-th tick, slots taking turns, with a wider deadband — and each viewer's frame is spliced from the
 * entries of the tier it follows each avatar in (near: close or in view; far: otherwise), so no
 * avatar is encoded per viewer. Each viewer re-weighs its tiers every FAR_EVERY ticks, staggered by
 * its slot, and moves an avatar with one reference entry: the tier's state as last encoded (≤ 3 ticks
 * old for far, ≤ 15 for behind, consistent with the deltas that follow); a viewer's own avatar is
 * always near. A low-bandwidth
 * viewer follows only close avatars near, and the rest head only in two more shared tiers: lean
 * (far's head-only twin, 5 Hz) for those in view, behind (1.25 Hz) for those out of view; those two
 * are encoded only while a low-bandwidth viewer exists.
 *
 * `K` identifies a connection (a session id).
 */
export class PresenceStreams<K> {
  private readonly near = new PresenceTier();
  private readonly far = new PresenceTier(FAR_DEADBAND);
  private readonly lean = new PresenceTier(FAR_DEADBAND);
  private readonly behind = new PresenceTier(FAR_DEADBAND);
  private readonly filters = new Map<number, JitterFilter>();
  private readonly latest = new Map<number, { pose: AvatarPose; q: QuantisedPose }>();
  private readonly nearPending = new Set<number>();
  private readonly farPending = new Set<number>();
  private readonly leanPending = new Set<number>();
  private readonly behindPending = new Set<number>();
  private readonly viewers = new Map<K, Viewer>();
  /** Where every viewer's frame of a tick is built (one allocation for many frames). */
  private readonly arena = new FrameArena();
  /** Scratch of `framesOf`: the runs of each tier's entries the viewer being spliced takes. */
  private readonly runs = new TierRuns();
  /** Scratch of `tierChanges`: the slots changing tier for the viewer being spliced, and the tier each goes to. */
  private readonly changedSlot: number[] = [];
  private readonly changedWant: number[] = [];
  private ticks = 0;
  /** `latest`'s slots as an array (null after one came or went) and each slot's head x and z (indexed by slot): the tick reads them for every pair. */
  private slots: number[] | null = null;
  private headX: Float64Array = new Float64Array(64);
  private headZ: Float64Array = new Float64Array(64);
  /** The entries of the tick encoded last, by tier (indexed by ViewerTier): every part of that tick's frames is spliced from them. */
  private tables: TickEntries[] = [NO_ENTRIES, NO_ENTRIES, NO_ENTRIES, NO_ENTRIES, NO_ENTRIES];

  private readonly lowRules: InterestRules;

  /** `headroom`: bytes left free at the start of every frame for the transport's header (`joinFrame`). */
  constructor(
    private readonly rules: InterestRules = DEFAULT_INTEREST,
    private readonly headroom = 0,
  ) {
    this.lowRules = lowBandwidthRules(rules);
  }

  /** Records the latest accepted pose of a slot (ms on the room clock, for the jitter filter). */
  set(slot: number, pose: AvatarPose, nowMs: number): void {
    let filter = this.filters.get(slot);
    if (!filter) this.filters.set(slot, (filter = new JitterFilter()));
    const smoothed = filter.apply(pose, nowMs);
    if (!this.latest.has(slot)) this.slots = null;
    this.latest.set(slot, { pose: smoothed, q: quantiseAvatar(smoothed) });
    if (slot >= this.headX.length) {
      const size = Math.max(slot + 1, this.headX.length * 2);
      this.headX = grown(this.headX, size);
      this.headZ = grown(this.headZ, size);
    }
    this.headX[slot] = smoothed.head.p[0];
    this.headZ[slot] = smoothed.head.p[2];
    this.nearPending.add(slot);
    this.farPending.add(slot);
    this.leanPending.add(slot);
    this.behindPending.add(slot);
  }

  remove(slot: number): void {
    this.near.remove(slot);
    this.far.remove(slot);
    this.lean.remove(slot);
    this.behind.remove(slot);
    this.leanPending.delete(slot);
    this.behindPending.delete(slot);
    this.filters.delete(slot);
    if (this.latest.delete(slot)) this.slots = null;
    this.nearPending.delete(slot);
    this.farPending.delete(slot);
    for (const v of this.viewers.values()) unassign(v, slot);
  }

  /**
   * Starts (or restarts, on reconnection) a viewer's stream: returns the keyframe it must receive
   * before any later frame, holding each avatar's reference in the tier the viewer follows it in.
   */
  addViewer(key: K, slot: number, low = false): Uint8Array {
    const viewer: Viewer = { slot, low, rules: low ? this.lowRules : this.rules, tiers: new Uint8Array(64), assigned: 0, near: [], since: this.ticks };
    this.viewers.set(key, viewer);
    const entries: Uint8Array[] = [];
    const eye = this.eyeOfViewer(viewer);
    for (const s of this.latest.keys()) {
      const entry = this.enter(viewer, s, eye);
      if (entry) entries.push(entry);
    }
    return joinFrame(FRAME_KEYFRAME, entries, this.headroom);
  }

  /**
   * Low-bandwidth viewers follow every avatar beyond arm's reach head only (their hands rest), with
   * the far tier's deadband: in the lean tier (5 Hz) when in view, in the behind tier (1.25 Hz) when
   * not. Takes effect at the viewer's next recheck (within FAR_EVERY ticks); the stream stays consistent.
   */
  setLow(key: K, low: boolean): void {
    const viewer = this.viewers.get(key);
    if (!viewer) return;
    viewer.low = low;
    viewer.rules = low ? this.lowRules : this.rules;
  }

  removeViewer(key: K): void {
    this.viewers.delete(key);
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  /** One relay tick: every viewer's frame (viewers with nothing new are left out). */
  tick(): Map<K, Uint8Array> {
    this.encodeTick();
    return this.framesOf(0, 1);
  }

  /**
   * Starts a tick: encodes what moved into the shared tiers, once for everyone. Its frames are then
   * spliced by `framesOf`, all at once or in parts (a big room sends them in several turns of the event
   * loop); every part must be taken before the next tick is encoded.
   */
  encodeTick(): void {
    const tick = ++this.ticks;
    // the slower tiers encode each slot on a tick of its own (staggered by slot): a quarter of the far
    // avatars every tick instead of all of them every fourth, so no tick carries the whole room
    const farDue = (slot: number) => onPhase(tick, slot, FAR_EVERY);
    const behindDue = (slot: number) => onPhase(tick, slot, BEHIND_EVERY); // also far-due
    // the head-only tiers are encoded only while someone follows them (their pending slots wait meanwhile)
    const anyLow = this.hasLowViewer();
    const none = new Map<number, Uint8Array>();
    // this tick's entries by tier (indexed by ViewerTier), looked up by slot in arrays, not maps: the splice runs for every viewer
    this.tables = [
      NO_ENTRIES,
      tableOf(this.near.encode(this.pendingOf(this.nearPending))),
      tableOf(this.far.encode(this.pendingOf(this.farPending, farDue))),
      tableOf(anyLow ? this.lean.encode(this.headsOf(this.leanPending, farDue)) : none),
      tableOf(anyLow ? this.behind.encode(this.headsOf(this.behindPending, behindDue)) : none),
    ];
  }

  /**
   * The frames of the tick encoded last for the viewers in part `part` of `parts` (`partOf`; all of
   * them when `parts` is 1). A viewer whose stream started after that tick was encoded gets nothing
   * until the next tick (its keyframe holds this one).
   */
  framesOf(part: number, parts: number): Map<K, Uint8Array> {
    const tick = this.ticks;
    const tables = this.tables;
    const room = this.roomOfTick();
    const frames = new Map<K, Uint8Array>();
    const entering: Uint8Array[] = [];
    const runs = this.runs;
    for (const [key, viewer] of this.viewers) {
      if (viewer.since >= tick || (parts > 1 && partOf(viewer.slot, parts) !== part)) continue;
      entering.length = 0;
      // each viewer re-weighs its tiers once every FAR_EVERY ticks, on a tick of its own (staggered by
      // slot), so the pairwise distance and view checks spread evenly over ticks instead of piling up on far ones
      const recheck = onPhase(tick, viewer.slot, FAR_EVERY);
      const complete = viewer.assigned === room.slots.length;
      const eye = recheck || !complete ? this.eyeOfViewer(viewer) : undefined;
      // the avatars changing tier (and newcomers) leave their tier first, so the entries of this tick skip them…
      const changes = recheck || !complete ? this.tierChanges(viewer, room, recheck ? eye : undefined) : 0;
      runs.reset();
      runs.collectSlots(viewer.near, tables[Tier.near]!);
      runs.collect(viewer, tables[Tier.far]!, Tier.far);
      runs.collect(viewer, tables[LEAN]!, LEAN);
      runs.collect(viewer, tables[BEHIND]!, BEHIND);
      // …and come in with the reference of their new tier, which already holds this tick
      for (let i = 0; i < changes; i++) {
        const want = this.changedWant[i]!;
        const entry = this.enter(viewer, this.changedSlot[i]!, eye, want === UNASSIGNED ? undefined : (want as ViewerTier));
        if (entry) entering.push(entry);
      }
      if (runs.count + entering.length > 0) frames.set(key, runs.splice(FRAME_DELTA, entering, this.headroom, this.arena.take));
    }
    return frames;
  }

  /**
   * The slots whose tier changes for this viewer, into `changedSlot`/`changedWant` (0: work the tier
   * out on entering): those it does not follow yet, and, with `eye` (its recheck tick), those whose
   * wanted tier differs from the one it follows them in. Those that change are unassigned. Returns how many.
   * This runs for a quarter of a room's viewers against every avatar on every tick: a plain loop over
   * the heads' floor positions, and one comparison settles everyone beyond near with its margin.
   */
  private tierChanges(viewer: Viewer, room: { slots: number[]; x: Float64Array; z: Float64Array }, eye: Eye | undefined): number {
    const { slots, x, z } = room;
    const own = viewer.slot;
    const rules = viewer.rules;
    const beyond = Math.max(rules.closeMetres, rules.nearMetres) + rules.nearMarginMetres;
    // beyond near even with hysteresis: far for a viewer with full bandwidth, whatever it looks at
    const farFor = eye && !viewer.low ? beyond * beyond : Infinity;
    let n = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const tier = slot < viewer.tiers.length ? viewer.tiers[slot]! : UNASSIGNED;
      let want: number;
      if (tier === UNASSIGNED) want = UNASSIGNED;
      else if (!eye || slot === own) continue;
      else {
        const dx = x[slot]! - eye.x;
        const dz = z[slot]! - eye.z;
        want = dx * dx + dz * dz > farFor ? Tier.far : wantedAt(viewer, eye, x[slot]!, z[slot]!, tier as ViewerTier);
        if (want === tier) continue;
        unassign(viewer, slot);
      }
      this.changedSlot[n] = slot;
      this.changedWant[n] = want;
      n++;
    }
    return n;
  }

  /** Every slot with a pose, in the order they came (kept until one comes or goes), and each one's head on the floor, by slot. */
  private roomOfTick(): { slots: number[]; x: Float64Array; z: Float64Array } {
    this.slots ??= [...this.latest.keys()];
    return { slots: this.slots, x: this.headX, z: this.headZ };
  }

  /** Assigns the slot's tier for this viewer (`wanted`, when already worked out) and returns that tier's reference entry, or null if the tier has none yet. */
  private enter(viewer: Viewer, slot: number, eye: Eye | undefined, wanted?: ViewerTier): Uint8Array | null {
    const tier = !eye || slot === viewer.slot ? Tier.near : (wanted ?? this.wantedAnew(viewer, eye, slot));
    const source = tier === Tier.near ? this.near : tier === Tier.far ? this.far : tier === LEAN ? this.lean : this.behind;
    const entry = source.referenceEntry(slot);
    if (entry) assign(viewer, slot, tier);
    return entry;
  }

  private eyeOfViewer(viewer: Viewer): Eye | undefined {
    const me = this.latest.get(viewer.slot)?.pose;
    return me ? eyeOf(me, viewer.rules) : undefined;
  }

  /** The tier for a slot the viewer does not follow yet (no hysteresis). */
  private wantedAnew(viewer: Viewer, eye: Eye, slot: number): ViewerTier {
    const head = this.latest.get(slot)?.pose.head.p;
    return !head ? (viewer.low ? LEAN : Tier.far) : wantedAt(viewer, eye, head[0], head[2], undefined);
  }

  private hasLowViewer(): boolean {
    for (const v of this.viewers.values()) if (v.low) return true;
    return false;
  }

  private headsOf(pending: Set<number>, due: (slot: number) => boolean): Array<[number, QuantisedPose]> {
    return this.pendingOf(pending, due).map(([slot, q]) => [slot, withoutHands(q)]);
  }

  /** The pending slots due this tick (all without `due`), taken out of `pending`; the others wait for their tick. */
  private pendingOf(pending: Set<number>, due?: (slot: number) => boolean): Array<[number, QuantisedPose]> {
    const out: Array<[number, QuantisedPose]> = [];
    for (const slot of pending) {
      if (due && !due(slot)) continue;
      const l = this.latest.get(slot);
      if (l) out.push([slot, l.q]);
      pending.delete(slot);
    }
    return out;
  }
}

/**
 * Whether tick `tick` is slot `slot`'s turn in a tier that runs every `every` ticks. Slots take turns,
 * so each tick encodes about 1/`every` of them; a BEHIND_EVERY turn is also a FAR_EVERY turn.
 */
export function onPhase(tick: number, slot: number, every: number): boolean {
  return (tick + slot) % every === 0;
}

/**
 * Which part of a tick's frames a viewer's frame goes out in, when a big room sends them in `parts`
 * turns: runs of FAR_EVERY slots take turns, so each part holds about as many viewers, and as many
 * of them re-weighing their tiers on any one tick (`onPhase` staggers that by slot), as any other.
 */
export function partOf(slot: number, parts: number): number {
  return Math.floor(slot / FAR_EVERY) % parts;
}

/** The rules for a low-bandwidth viewer: near only within arm's reach (`closeMetres`), whatever is in view. */
export function lowBandwidthRules(rules: InterestRules): InterestRules {
  return { ...rules, nearMetres: rules.closeMetres };
}

function grown(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** The head alone (hand values zeroed so no residual of theirs is ever computed). */
function withoutHands(q: QuantisedPose): QuantisedPose {
  const v = new Int32Array(q.v.length);
  v.set(q.v.subarray(0, 6));
  return { v, hasLeft: false, hasRight: false };
}

