import { copyEntries, frameHeaderBytes, writeFrameHeader, type FRAME_DELTA, type FRAME_KEYFRAME } from "./codec.js";
import type { TickEntries, Viewer, ViewerTier } from "./viewer-tiers.js";

/**
 * The entries a viewer takes from the shared tiers of a tick, as runs. A tier's entries are in slot
 * order and a viewer follows most of a room in the far tier, so its far entries are a few long
 * stretches of that tier's bytes (broken only by the avatars it follows near or in another tier),
 * each copied at once instead of entry by entry; its near ones are looked up, neighbouring slots
 * joined. Scratch for one viewer at a time: `reset`, `collect` each tier, then `splice` the frame.
 */
export class TierRuns {
  /** Entries in the runs collected since `reset`. */
  count = 0;
  /** Their bytes. */
  bytes = 0;
  private n = 0;
  private sources: Uint8Array[] = [];
  private from = new Int32Array(64);
  private to = new Int32Array(64);

  reset(): void {
    this.count = 0;
    this.bytes = 0;
    this.n = 0;
  }

  /** Adds the runs of `table`'s entries of avatars the viewer follows in `tier` (in the table's order): a scan of the table, for a tier the viewer takes most of. */
  collect(viewer: Viewer, table: TickEntries, tier: ViewerTier): void {
    const { slots, at, bytes } = table;
    const tiers = viewer.tiers;
    let start = -1;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (slot < tiers.length && tiers[slot] === tier) {
        if (start < 0) start = i;
        this.count++;
      } else if (start >= 0) {
        this.add(bytes, at[start]!, at[i]!);
        start = -1;
      }
    }
    if (start >= 0) this.add(bytes, at[start]!, at[slots.length]!);
  }

  /** Adds the runs of `table`'s entries of `wanted` (ascending slots): lookups, for a tier the viewer takes a few of. */
  collectSlots(wanted: readonly number[], table: TickEntries): void {
    const { indexOf, at, bytes } = table;
    let start = -1;
    let last = -1;
    for (const slot of wanted) {
      const i = slot < indexOf.length ? indexOf[slot]! : -1;
      if (i < 0) continue;
      this.count++;
      if (i === last + 1 && start >= 0) {
        last = i;
        continue;
      }
      if (start >= 0) this.add(bytes, at[start]!, at[last + 1]!);
      start = last = i;
    }
    if (start >= 0) this.add(bytes, at[start]!, at[last + 1]!);
  }

  /**
   * A frame of the runs, then `after`'s entries, after `headroom` bytes left for a transport's header
   * (as `joinFrame`, which it matches byte for byte for the same entries in the same order).
   */
  splice(kind: typeof FRAME_DELTA | typeof FRAME_KEYFRAME, after: readonly Uint8Array[], headroom: number, alloc: (size: number) => Uint8Array): Uint8Array {
    const count = this.count + after.length;
    let size = headroom + frameHeaderBytes(count) + this.bytes;
    for (const e of after) size += e.length;
    const out = alloc(size);
    let at = writeFrameHeader(out, headroom, kind, count);
    for (let r = 0; r < this.n; r++) {
      const source = this.sources[r]!;
      const from = this.from[r]!;
      const length = this.to[r]! - from;
      if (length > 32) out.set(source.subarray(from, from + length), at);
      else for (let i = 0; i < length; i++) out[at + i] = source[from + i]!;
      at += length;
    }
    copyEntries(out, at, after);
    return out;
  }

  private add(source: Uint8Array, from: number, to: number): void {
    if (this.n === this.from.length) {
      this.from = grown(this.from);
      this.to = grown(this.to);
    }
    this.sources[this.n] = source;
    this.from[this.n] = from;
    this.to[this.n] = to;
    this.n++;
    this.bytes += to - from;
  }
}

function grown(a: Int32Array) {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
