export type PdfVerdict = { ok: true } | { ok: false; reason: string };

const MAGIC = "%PDF-";
const EOF_MARK = "%%EOF";
/** Where a PDF header may start (some writers put junk first; readers tolerate 1 KiB), bytes. */
const HEADER_WINDOW = 1024;
/** How far from the end the last %%EOF may sit (trailing whitespace, padding), bytes. */
const TRAILER_WINDOW = 2048;

function indexOfAscii(bytes: Uint8Array, text: string, from: number, to: number): number {
  outer: for (let i = Math.max(0, from); i <= Math.min(bytes.length, to) - text.length; i++) {
    for (let j = 0; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/**
 * A first check of an uploaded deck by its content, never its name: a "%PDF-1.x"/"%PDF-2.x" header
 * in the first KiB and an "%%EOF" marker near the end. (The server then parses it to count pages.)
 */
export function checkPdfBytes(bytes: Uint8Array): PdfVerdict {
  if (bytes.length < 32) return { ok: false, reason: "the file is empty or too short to be a PDF" };
  const at = indexOfAscii(bytes, MAGIC, 0, HEADER_WINDOW);
  if (at < 0) return { ok: false, reason: "not a PDF file (no %PDF- header)" };
  const major = bytes[at + MAGIC.length];
  if (major !== 0x31 && major !== 0x32) return { ok: false, reason: "unknown PDF version" };
  if (indexOfAscii(bytes, EOF_MARK, bytes.length - TRAILER_WINDOW, bytes.length) < 0) return { ok: false, reason: "the PDF is truncated (no %%EOF at the end)" };
  return { ok: true };
}

/** Office formats we can convert: a ZIP container ("PK\x03\x04") whose name says pptx/odp. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
