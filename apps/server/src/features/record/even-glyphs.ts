/**
 * A TrueType font rewritten so that every glyph record starts on a 4-byte boundary (long `loca`).
 *
 * Why: fontkit's subsetter (used by pdf-lib's `subset: true`) copies glyph records as they are and,
 * when the subset is small, writes a short `loca`, whose offsets are halved: after one odd-length
 * record every later glyph points one byte off and draws nothing. Droid Sans Fallback has odd-length
 * records, so its Chinese names printed blank. Padding each record to even length in the source font
 * keeps the subset's offsets exact. Pure: bytes in, bytes out.
 */
export function evenGlyphs(ttf: Uint8Array): Uint8Array {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...ttf.subarray(at, at + 4));
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const head = tables.get("head");
  const maxp = tables.get("maxp");
  const loca = tables.get("loca");
  const glyf = tables.get("glyf");
  if (!head || !maxp || !loca || !glyf) return ttf; // not a TrueType-outline font: left as it is
  const glyphs = view.getUint16(maxp.offset + 4);
  const long = view.getInt16(head.offset + 50) === 1;
  const offsetOf = (i: number) => (long ? view.getUint32(loca.offset + 4 * i) : view.getUint16(loca.offset + 2 * i) * 2);

  // The new glyf and (long) loca.
  const records: Uint8Array[] = [];
  const newLoca = new Uint8Array(4 * (glyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  let size = 0;
  for (let i = 0; i < glyphs; i++) {
    locaView.setUint32(4 * i, size);
    const record = ttf.subarray(glyf.offset + offsetOf(i), glyf.offset + offsetOf(i + 1));
    records.push(record);
    size += (record.length + 3) & ~3;
  }
  locaView.setUint32(4 * glyphs, size);
  const newGlyf = new Uint8Array(size);
  for (let i = 0, at = 0; i < glyphs; at += (records[i]!.length + 3) & ~3, i++) newGlyf.set(records[i]!, at);

  // The file again: same tables in the same order, each 4-byte aligned, glyf and loca replaced.
  const bodies = [...tables.entries()].map(([tag, t]) => ({ tag, bytes: tag === "glyf" ? newGlyf : tag === "loca" ? newLoca : ttf.slice(t.offset, t.offset + t.length) }));
  const headBody = bodies.find((b) => b.tag === "head")!.bytes;
  new DataView(headBody.buffer, headBody.byteOffset).setInt16(50, 1); // indexToLocFormat: long
  const out = new Uint8Array(12 + 16 * count + bodies.reduce((n, b) => n + ((b.bytes.length + 3) & ~3), 0));
  const outView = new DataView(out.buffer);
  out.set(ttf.subarray(0, 12));
  let at = 12 + 16 * count;
  bodies.forEach((b, i) => {
    const entry = 12 + 16 * i;
    out.set(ttf.subarray(entry, entry + 4), entry); // tag
    outView.setUint32(entry + 4, checksum(b.bytes));
    outView.setUint32(entry + 8, at);
    outView.setUint32(entry + 12, b.bytes.length);
    out.set(b.bytes, at);
    at += (b.bytes.length + 3) & ~3;
  });
  return out;
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}
