/** Little bit-level writer: values are written most significant bit first. */
export class BitWriter {
  private buf: Uint8Array;
  private bit = 0; // total bits written

  constructor(initialBytes = 64) {
    this.buf = new Uint8Array(initialBytes);
  }

  /** Writes the low `width` bits (≤ 32) of an unsigned value. */
  writeUnsigned(value: number, width: number): void {
    if (width === 0) return;
    this.ensure(width);
    if (width <= 24 && value >= 0 && value < 0x40000000) {
      // the common case (every entry field is this narrow; the encoder writes thousands a tick): the
      // value placed in a 32-bit window at its byte, then ORed into the two to four bytes it touches
      const off = this.bit & 7;
      const at = this.bit >> 3;
      const end = off + width;
      const window = ((value & ((1 << width) - 1)) << (32 - end)) >>> 0;
      const buf = this.buf;
      buf[at]! |= window >>> 24;
      if (end > 8) {
        buf[at + 1]! |= window >>> 16;
        if (end > 16) {
          buf[at + 2]! |= window >>> 8;
          if (end > 24) buf[at + 3]! |= window;
        }
      }
      this.bit += width;
      return;
    }
    while (width > 0) {
      const free = 8 - (this.bit & 7);
      const n = width < free ? width : free;
      const chunk = Math.floor(value / 2 ** (width - n)) & ((1 << n) - 1);
      this.buf[this.bit >> 3]! |= chunk << (free - n);
      this.bit += n;
      width -= n;
    }
  }

  /** Writes a two's-complement signed value in `width` bits. */
  writeSigned(value: number, width: number): void {
    if (width === 0) return;
    this.writeUnsigned(width <= 24 ? value & ((1 << width) - 1) : value < 0 ? value + 2 ** width : value, width);
  }

  get bitLength(): number {
    return this.bit;
  }

  /** Pads with zero bits to the next byte boundary (entries start on whole bytes so frames can be spliced). */
  align(): void {
    this.bit = (this.bit + 7) & ~7;
    this.ensure(0);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, (this.bit + 7) >> 3);
  }

  /** Starts again from nothing (the bytes written are zeroed: values are ORed in), keeping the buffer. */
  reset(): void {
    this.buf.fill(0, 0, (this.bit + 7) >> 3);
    this.bit = 0;
  }

  private ensure(width: number): void {
    const needed = (this.bit + width + 7) >> 3;
    if (needed <= this.buf.length) return;
    const next = new Uint8Array(Math.max(needed, this.buf.length * 2));
    next.set(this.buf);
    this.buf = next;
  }
}

export class BitReader {
  private bit = 0;

  constructor(private readonly buf: Uint8Array) {}

  readUnsigned(width: number): number {
    if (this.bit + width > this.buf.length * 8) throw new RangeError("presence frame truncated");
    let value = 0;
    while (width > 0) {
      const left = 8 - (this.bit & 7);
      const n = width < left ? width : left;
      const chunk = (this.buf[this.bit >> 3]! >> (left - n)) & ((1 << n) - 1);
      value = value * 2 ** n + chunk;
      this.bit += n;
      width -= n;
    }
    return value;
  }

  /** Skips to the next byte boundary. */
  align(): void {
    this.bit = (this.bit + 7) & ~7;
  }

  get done(): boolean {
    return this.bit >= this.buf.length * 8;
  }

  readSigned(width: number): number {
    if (width === 0) return 0;
    const u = this.readUnsigned(width);
    return u >= 2 ** (width - 1) ? u - 2 ** width : u;
  }
}

/** The bits a two's-complement value needs (0 for zero). */
export function signedWidthOf(v: number): number {
  if (v === 0) return 0;
  if (v > -0x40000000 && v < 0x40000000) return 33 - Math.clz32(v < 0 ? ~v : v); // magnitude bits + sign
  let need = 31;
  while (v < -(2 ** (need - 1)) || v > 2 ** (need - 1) - 1) need++;
  return need;
}
