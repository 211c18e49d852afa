import { frameHeaderBytes, writeFrameHeader, type FRAME_DELTA, type FRAME_KEYFRAME } from "./codec.js";

/**
 * Splicing viewers' frames out of a tick's shared entries. Each tier's entries of a tick are laid
 * end to end in one buffer (`TickEntries`); a viewer's frame gathers byte ranges of those buffers
 * (`Splice`), and neighbouring entries a viewer follows in the same tier (the seats beside them, most
 * of the far room) merge into one range, so a frame of a hundred entries is a handful of copies.
 */

/** One tier's entries of a tick: the slots in the order encoded; each slot's entry, by slot, as a range of `bytes`. */
export interface TickEntries {
  slots: number[];
  bytes: Uint8Array;
  /** Start of each slot's entry in `bytes`, by slot: −1 when the slot has none this tick (or is past the end). */
  from: Int32Array;
  /** End of each slot's entry in `bytes`, by slot. */
  to: Int32Array;
}

export const NO_ENTRIES: TickEntries = { slots: [], bytes: new Uint8Array(0), from: new Int32Array(0), to: new Int32Array(0) };

/** Lays a tier's entries of this tick end to end, in the order they were encoded. */
export function tickEntries(entries: Map<number, Uint8Array>): TickEntries {
  if (entries.size === 0) return NO_ENTRIES;
  let size = 0;
  let slotsEnd = 0;
  for (const [slot, e] of entries) {
    size += e.length;
    if (slot >= slotsEnd) slotsEnd = slot + 1;
  }
  const bytes = new Uint8Array(size);
  const slots: number[] = [];
  const from = new Int32Array(slotsEnd).fill(-1);
  const to = new Int32Array(slotsEnd);
  let at = 0;
  for (const [slot, e] of entries) {
    bytes.set(e, at);
    slots.push(slot);
    from[slot] = at;
    at += e.length;
    to[slot] = at;
  }
  return { slots, bytes, from, to };
}

/** The start of `slot`'s entry in `table`, or −1. */
export function entryStart(table: TickEntries, slot: number): number {
  return slot < table.from.length ? table.from[slot]! : -1;
}

/** One viewer's frame in the making: its entries as ranges of a few buffers. Reused from viewer to viewer. */
export class Splice {
  private readonly src: Uint8Array[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private ranges = 0;
  /** Entries added since `reset`. */
  count = 0;
  private bytes = 0;

  /** Copies the frame will take (ranges after merging). */
  get copies(): number {
    return this.ranges;
  }

  reset(): void {
    this.ranges = 0;
    this.count = 0;
    this.bytes = 0;
  }

  /** Adds one entry: `buf[from, to)`. Follows on from the last range when it ends where this one starts. */
  add(buf: Uint8Array, from: number, to: number): void {
    this.count++;
    this.bytes += to - from;
    const last = this.ranges - 1;
    if (last >= 0 && this.src[last] === buf && this.to[last] === from) {
      this.to[last] = to;
      return;
    }
    this.src[this.ranges] = buf;
    this.from[this.ranges] = from;
    this.to[this.ranges] = to;
    this.ranges++;
  }

  /** Adds a whole entry of its own (a reference entry). */
  addEntry(entry: Uint8Array): void {
    this.add(entry, 0, entry.length);
  }

  /** Adds `slot`'s entry of this tick in `table`, if it has one. */
  addFrom(table: TickEntries, slot: number): void {
    const from = entryStart(table, slot);
    if (from >= 0) this.add(table.bytes, from, table.to[slot]!);
  }

  /** The frame: header, then the entries in the order added. */
  frame(kind: typeof FRAME_DELTA | typeof FRAME_KEYFRAME): Uint8Array {
    const header = frameHeaderBytes(this.count);
    const out = new Uint8Array(header + this.bytes);
    writeFrameHeader(out, kind, this.count);
    let at = header;
    for (let i = 0; i < this.ranges; i++) {
      const src = this.src[i]!;
      const from = this.from[i]!;
      const to = this.to[i]!;
      out.set(from === 0 && to === src.length ? src : src.subarray(from, to), at);
      at += to - from;
    }
    // let go of the buffers (entries of this tick) so they are not kept until the next frame
    this.src.fill(NO_ENTRIES.bytes, 0, this.ranges);
    return out;
  }
}
