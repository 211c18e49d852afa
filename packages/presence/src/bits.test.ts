import { seededRandom } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { BitReader, BitWriter } from "./bits.js";

describe("BitWriter", () => {
  it("reads back every value of every width at every bit offset, unsigned and signed, narrow and wide", () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const written: Array<{ signed: boolean; width: number; value: number }> = [];
      const w = new BitWriter(4); // small, so the buffer grows while writing
      for (let i = 0; i < 3000; i++) {
        const width = Math.floor(random() * 33); // 0…32: the narrow path (≤ 24) and the wide one
        const signed = width > 0 && width < 32 && random() < 0.5;
        const span = 2 ** width;
        const value = width === 0 ? 0 : signed ? Math.floor(random() * span) - span / 2 : Math.floor(random() * span);
        if (signed) w.writeSigned(value, width);
        else w.writeUnsigned(value, width);
        written.push({ signed, width, value });
        if (random() < 0.05) {
          w.align();
          written.push({ signed: false, width: -1, value: 0 });
        }
      }
      const r = new BitReader(w.finish());
      for (const { signed, width, value } of written) {
        if (width < 0) r.align();
        else expect(signed ? r.readSigned(width) : r.readUnsigned(width)).toBe(value);
      }
    }
  });

  it("writes the low bits of a value wider than its field, as a reader of that field sees them", () => {
    const w = new BitWriter();
    w.writeUnsigned(3, 1); // 0b11 in one bit: 1
    w.writeUnsigned(0x1ff, 8); // 9 bits in 8: 0xff
    w.writeSigned(-1, 5);
    const r = new BitReader(w.finish());
    expect([r.readUnsigned(1), r.readUnsigned(8), r.readSigned(5)]).toEqual([1, 0xff, -1]);
  });

  it("starts again from zeroed bytes after reset", () => {
    const w = new BitWriter(2);
    w.writeUnsigned(0xffff, 16);
    w.reset();
    w.writeUnsigned(0, 3);
    w.writeUnsigned(1, 1);
    expect([...w.finish()]).toEqual([0b0001_0000]);
  });
});
