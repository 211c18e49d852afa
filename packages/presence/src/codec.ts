import { BitReader, BitWriter, signedWidthOf } from "./bits.js";
import {
  CHANNELS,
  INTRA_WIDTH,
  channelPresent,
  copyQuantised,
  dequantiseAvatar,
  quantiseAvatar,
  freshClasses,
  type QuantisedPose,
  type SlotReference,
} from "./codec-state.js";
import type { AvatarPose } from "./types.js";

/**
 * Presence frames: one binary frame per relay tick carries every avatar that moved.
 *
 * Each channel is coded as the residual against a linear prediction from the last two states sent
 * (2·q1 − q0), in the smallest of eight widths; the width class itself is coded against the
 * channel's previous class (same: 1 bit, one up or down: 3 bits, else 6 bits). Smooth human motion leaves residuals of a few
 * millimetres/milliradians, so a moving head and two hands usually cost 12–16 bytes a tick; an
 * avatar whose quantised pose changed by at most the tier's deadband is not sent at all.
 * Frames rely on ordered, reliable delivery (WebSocket); a joining or reconnecting client is
 * first sent a keyframe holding the reference state.
 *
 * Entries start on whole bytes, so a server can encode each avatar's entry once per tick and splice
 * different selections of them into each viewer's frame (interest management, presence-streams.ts).
 * An entry is a delta, an intra (absolute) pose, or a reference (both remembered states and the
 * classes: it replaces whatever the viewer held for that slot, e.g. when the slot moves to another tier).
 */
export const FRAME_DELTA = 0;
export const FRAME_KEYFRAME = 1;
/** Residual widths (bits per component) selected by a 3-bit class. */
const CLASS_WIDTH = [0, 2, 3, 4, 5, 7, 10, 16] as const;
/** Changes of at most this many steps (1 mm / 1 mrad) are tracking noise, not motion. */
export const DEADBAND = 1;
const ENTRY_DELTA = 0;
const ENTRY_INTRA = 1;
const ENTRY_REFERENCE = 2;

/** Unsigned number in `bits` bits, escaping to 16 more bits when it does not fit. */
function writeCount(w: BitWriter, n: number, bits = 8): void {
  const escape = 2 ** bits - 1;
  if (n < escape) w.writeUnsigned(n, bits);
  else {
    w.writeUnsigned(escape, bits);
    w.writeUnsigned(n, 16);
  }
}

function readCount(r: BitReader, bits = 8): number {
  const n = r.readUnsigned(bits);
  return n < 2 ** bits - 1 ? n : r.readUnsigned(16);
}

function writeIntra(w: BitWriter, q: QuantisedPose): void {
  for (let c = 0; c < CHANNELS; c++) {
    if (!channelPresent(q, c)) continue;
    for (let i = 0; i < 3; i++) w.writeSigned(q.v[c * 3 + i]!, INTRA_WIDTH[c]!);
  }
}

function readIntra(r: BitReader, hasLeft: boolean, hasRight: boolean): QuantisedPose {
  const q: QuantisedPose = { v: new Int32Array(CHANNELS * 3), hasLeft, hasRight };
  for (let c = 0; c < CHANNELS; c++) {
    if (!channelPresent(q, c)) continue;
    for (let i = 0; i < 3; i++) q.v[c * 3 + i] = r.readSigned(INTRA_WIDTH[c]!);
  }
  return q;
}

function movedBeyondDeadband(next: QuantisedPose, prev: QuantisedPose, deadband: number): boolean {
  if (next.hasLeft !== prev.hasLeft || next.hasRight !== prev.hasRight) return true;
  for (let c = 0; c < CHANNELS; c++) {
    if (!channelPresent(next, c)) continue;
    for (let i = 0; i < 3; i++) if (Math.abs(next.v[c * 3 + i]! - prev.v[c * 3 + i]!) > deadband) return true;
  }
  return false;
}

// The encoder runs for every avatar that moved on every tick: it works in these, reused entry after
// entry, rather than allocating (an entry's bytes are copied out of the writer whole).
const ENTRY_WRITER = new BitWriter(72);
const RESIDUALS = new Int32Array(CHANNELS * 3);

/** Residuals against 2·q1 − q0 per channel (in RESIDUALS, valid until the next call), or null when some residual is too wide to code. */
function residuals(next: QuantisedPose, ref: SlotReference): Int32Array | null {
  const out = RESIDUALS;
  for (let k = 0; k < out.length; k++) {
    const d = next.v[k]! - (2 * ref.q1.v[k]! - ref.q0.v[k]!);
    if (Math.abs(d) > 2 ** 15 - 1) return null;
    out[k] = d;
  }
  return out;
}

function writeClass(w: BitWriter, cls: number, prev: number): void {
  if (cls === prev) w.writeUnsigned(0b0, 1);
  else if (cls === prev + 1) w.writeUnsigned(0b100, 3);
  else if (cls === prev - 1) w.writeUnsigned(0b101, 3);
  else {
    w.writeUnsigned(0b11, 2);
    w.writeUnsigned(cls, 3);
  }
}

function readClass(r: BitReader, prev: number): number {
  if (r.readUnsigned(1) === 0) return prev;
  if (r.readUnsigned(1) === 1) return r.readUnsigned(3);
  const down = r.readUnsigned(1) === 1;
  const cls = down ? prev - 1 : prev + 1;
  if (cls < 0 || cls >= CLASS_WIDTH.length) throw new RangeError("presence frame: bad width class");
  return cls;
}

/** The smallest class whose width holds a value of each signed width (0–16 bits). */
const CLASS_OF_WIDTH = Array.from({ length: 17 }, (_, w) => CLASS_WIDTH.findIndex((cw) => cw >= w));

function classFor(a: number, b: number, c: number): number {
  return CLASS_OF_WIDTH[Math.max(signedWidthOf(a), signedWidthOf(b), signedWidthOf(c))]!;
}

/**
 * One shared coding state of a room's presence: each slot's reference as every viewer of this tier
 * holds it. `encode` turns the slots that moved beyond the deadband into one entry each (whole
 * bytes) and advances the references; the same entry goes to every viewer of the tier.
 */
export class PresenceTier {
  private readonly refs = new Map<number, SlotReference>();
  /** Reference entries already written, until the slot's reference changes (many viewers may switch at once). */
  private readonly referenceCache = new Map<number, Uint8Array>();

  constructor(private readonly deadband = DEADBAND) {}

  /** Entries for the slots that moved; references advance. */
  encode(poses: Iterable<[number, QuantisedPose]>): Map<number, Uint8Array> {
    const out = new Map<number, Uint8Array>();
    for (const [slot, next] of poses) {
      const ref = this.refs.get(slot);
      if (ref && !movedBeyondDeadband(next, ref.q1, this.deadband)) continue;
      const w = ENTRY_WRITER;
      w.reset();
      this.writeEntry(w, slot, next, ref);
      out.set(slot, w.finish());
    }
    return out;
  }

  has(slot: number): boolean {
    return this.refs.has(slot);
  }

  slots(): IterableIterator<number> {
    return this.refs.keys();
  }

  /** A reference entry: brings a viewer to this tier's state of the slot, whatever it held before. */
  referenceEntry(slot: number): Uint8Array | null {
    const cached = this.referenceCache.get(slot);
    if (cached) return cached;
    const ref = this.refs.get(slot);
    if (!ref) return null;
    const w = new BitWriter(72);
    writeCount(w, slot);
    w.writeUnsigned(ENTRY_REFERENCE, 2);
    w.writeUnsigned(ref.q1.hasLeft ? 1 : 0, 1);
    w.writeUnsigned(ref.q1.hasRight ? 1 : 0, 1);
    writeIntra(w, ref.q1);
    writeIntra(w, ref.q0);
    for (const c of ref.cls) w.writeUnsigned(c, 3);
    const entry = w.finish();
    this.referenceCache.set(slot, entry);
    return entry;
  }

  remove(slot: number): void {
    this.refs.delete(slot);
    this.referenceCache.delete(slot);
  }

  private writeEntry(w: BitWriter, slot: number, next: QuantisedPose, ref: SlotReference | undefined): void {
    this.referenceCache.delete(slot);
    writeCount(w, slot);
    const sameShape = ref && ref.q1.hasLeft === next.hasLeft && ref.q1.hasRight === next.hasRight;
    const res = sameShape ? residuals(next, ref) : null;
    w.writeUnsigned(res ? ENTRY_DELTA : ENTRY_INTRA, 2);
    w.writeUnsigned(next.hasLeft ? 1 : 0, 1);
    w.writeUnsigned(next.hasRight ? 1 : 0, 1);
    if (res && ref) {
      // the reference advances in place (this tier alone holds it; its cached reference entry went above):
      // classes updated, q1 becomes q0, and the old q0's storage takes the new state
      const cls = ref.cls;
      for (let c = 0; c < CHANNELS; c++) {
        if (!channelPresent(next, c)) continue;
        const a = res[c * 3]!;
        const b = res[c * 3 + 1]!;
        const d = res[c * 3 + 2]!;
        const k = classFor(a, b, d);
        writeClass(w, k, cls[c]!);
        cls[c] = k;
        const width = CLASS_WIDTH[k]!;
        w.writeSigned(a, width);
        w.writeSigned(b, width);
        w.writeSigned(d, width);
      }
      const recycled = ref.q0;
      recycled.v.set(next.v);
      recycled.hasLeft = next.hasLeft;
      recycled.hasRight = next.hasRight;
      ref.q0 = ref.q1;
      ref.q1 = recycled;
    } else {
      writeIntra(w, next);
      this.refs.set(slot, { q0: copyQuantised(next), q1: copyQuantised(next), cls: freshClasses() });
    }
  }
}

/**
 * Splices whole-byte entries into one frame, after `headroom` bytes left zero for a transport's header
 * (written by the caller, so the frame is not copied again). `alloc` gives the frame's zeroed bytes (a
 * `FrameArena` gives many frames one allocation).
 */
export function joinFrame(
  kind: typeof FRAME_DELTA | typeof FRAME_KEYFRAME,
  entries: readonly Uint8Array[],
  headroom = 0,
  alloc: (size: number) => Uint8Array = (size) => new Uint8Array(size),
): Uint8Array {
  let size = 0;
  for (const e of entries) size += e.length;
  const out = alloc(headroom + frameHeaderBytes(entries.length) + size);
  copyEntries(out, writeFrameHeader(out, headroom, kind, entries.length), entries);
  return out;
}

/** Bytes of a frame's header for `count` entries. */
export function frameHeaderBytes(count: number): number {
  return count < 127 ? 1 : 3;
}

/**
 * Writes a frame's header at `headroom`: 1 bit of kind and the entry count (writeCount, 7 bits) by
 * hand, since the relay joins one frame for every viewer on every tick and a BitWriter for one byte
 * costs more than the copy. Returns where the entries start.
 */
export function writeFrameHeader(out: Uint8Array, headroom: number, kind: typeof FRAME_DELTA | typeof FRAME_KEYFRAME, count: number): number {
  out[headroom] = (kind << 7) | (count < 127 ? count : 127);
  if (count >= 127) {
    out[headroom + 1] = count >>> 8;
    out[headroom + 2] = count & 0xff;
  }
  return headroom + frameHeaderBytes(count);
}

/** Copies entries back to back into `out` from `at`; returns where they end. */
export function copyEntries(out: Uint8Array, at: number, entries: readonly Uint8Array[]): number {
  for (const e of entries) {
    // entries are a few bytes each: a plain loop copies them faster than TypedArray#set, a call into the runtime
    const length = e.length;
    if (length > 32) out.set(e, at);
    else for (let i = 0; i < length; i++) out[at + i] = e[i]!;
    at += length;
  }
  return at;
}

/** Server side of a presence stream shared by every viewer of a room (one tier, everyone at every tick). */
export class PresenceEncoder {
  private readonly tier: PresenceTier;
  private readonly pending = new Map<number, AvatarPose>();

  constructor(deadband = DEADBAND) {
    this.tier = new PresenceTier(deadband);
  }

  /** Records the latest accepted pose of a slot; it goes out with the next encodeDelta(). */
  set(slot: number, pose: AvatarPose): void {
    this.pending.set(slot, pose);
  }

  remove(slot: number): void {
    this.tier.remove(slot);
    this.pending.delete(slot);
  }

  /** The changes since the last call, or null when no avatar moved. Advances the shared reference. */
  encodeDelta(): Uint8Array | null {
    const quantised = Array.from(this.pending, ([slot, pose]): [number, QuantisedPose] => [slot, quantiseAvatar(pose)]);
    this.pending.clear();
    const entries = this.tier.encode(quantised);
    return entries.size === 0 ? null : joinFrame(FRAME_DELTA, [...entries.values()]);
  }

  /** The reference state of every slot, for a client that joins or reconnects. Does not advance. */
  encodeKeyframe(): Uint8Array {
    const entries: Uint8Array[] = [];
    for (const slot of this.tier.slots()) entries.push(this.tier.referenceEntry(slot)!);
    return joinFrame(FRAME_KEYFRAME, entries);
  }
}

/** Client side of a presence stream: mirrors the encoder's reference and yields poses. */
export class PresenceDecoder {
  private readonly refs = new Map<number, SlotReference>();

  /** Applies one frame; returns the slots it updated. Throws RangeError on a truncated frame. */
  apply(frame: Uint8Array): number[] {
    const r = new BitReader(frame);
    const kind = r.readUnsigned(1);
    const count = readCount(r, 7);
    const updated: number[] = [];
    if (kind === FRAME_KEYFRAME) this.refs.clear();
    for (let n = 0; n < count; n++) {
      r.align();
      const slot = readCount(r);
      this.readEntry(r, slot);
      updated.push(slot);
    }
    return updated;
  }

  get(slot: number): AvatarPose | undefined {
    const ref = this.refs.get(slot);
    return ref ? dequantiseAvatar(ref.q1) : undefined;
  }

  remove(slot: number): void {
    this.refs.delete(slot);
  }

  private readEntry(r: BitReader, slot: number): void {
    const kind = r.readUnsigned(2);
    const hasLeft = r.readUnsigned(1) === 1;
    const hasRight = r.readUnsigned(1) === 1;
    if (kind === ENTRY_REFERENCE) {
      const q1 = readIntra(r, hasLeft, hasRight);
      const q0 = readIntra(r, hasLeft, hasRight);
      const cls = new Uint8Array(CHANNELS);
      for (let c = 0; c < CHANNELS; c++) cls[c] = r.readUnsigned(3);
      if (cls.some((k) => k >= CLASS_WIDTH.length)) throw new RangeError("presence frame: bad width class");
      this.refs.set(slot, { q1, q0, cls });
      return;
    }
    if (kind === ENTRY_INTRA) {
      const q = readIntra(r, hasLeft, hasRight);
      this.refs.set(slot, { q1: q, q0: copyQuantised(q), cls: freshClasses() });
      return;
    }
    if (kind !== ENTRY_DELTA) throw new RangeError("presence frame: bad entry kind");
    const ref = this.refs.get(slot);
    if (!ref) throw new RangeError(`presence delta for unknown slot ${slot}`);
    const next: QuantisedPose = { v: new Int32Array(CHANNELS * 3), hasLeft, hasRight };
    const cls = new Uint8Array(ref.cls);
    for (let c = 0; c < CHANNELS; c++) {
      if (!channelPresent(next, c)) continue;
      cls[c] = readClass(r, cls[c]!);
      const width = CLASS_WIDTH[cls[c]!]!;
      for (let i = 0; i < 3; i++) {
        const k = c * 3 + i;
        next.v[k] = 2 * ref.q1.v[k]! - ref.q0.v[k]! + r.readSigned(width);
      }
    }
    this.refs.set(slot, { q0: ref.q1, q1: next, cls });
  }
}
