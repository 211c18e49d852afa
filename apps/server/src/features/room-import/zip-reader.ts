import { inflateRawSync } from "node:zlib";

/** One entry of a zip's central directory, as the archive declares it (sizes not trusted). */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** Most entries read from one archive: a room archive holds three. */
const MAX_ENTRIES = 1000;

/** The central directory of a zip (no ZIP64, no encryption), read without inflating anything. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no zip directory at its end");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError("ZIP64 archives are not supported");
  if (count > MAX_ENTRIES) throw new ZipError(`more than ${MAX_ENTRIES} entries`);
  const names = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_SIG) throw new ZipError("its directory is damaged");
    const nameLength = view.getUint16(at + 28, true);
    const skip = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + skip > bytes.byteLength) throw new ZipError("its directory is damaged");
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += skip;
  }
  return entries;
}

/**
 * The bytes of one entry, inflated with a cap on the bytes actually produced: zlib counts its
 * output chunk by chunk (16 KiB) and stops past `maxBytes`, whatever the archive declares. An entry
 * that inflates to another size than it declares is refused as damaged (never silently cut).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (entry.flags & 1) throw new ZipError(`${entry.name} is encrypted`);
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIG) throw new ZipError(`${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new ZipError(`${entry.name} is damaged`);
  const packed = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (packed.byteLength > maxBytes) throw new ZipTooBig(entry.name);
    out = packed.slice(); // its own aligned buffer: glTF readers view it as Uint32Array
  } else if (entry.method === 8) {
    try {
      const inflated = inflateRawSync(packed, { maxOutputLength: Math.max(1, maxBytes) });
      out = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    } catch (e) {
      if (e instanceof RangeError || (e instanceof Error && "code" in e && e.code === "ERR_BUFFER_TOO_LARGE")) throw new ZipTooBig(entry.name);
      throw new ZipError(`${entry.name} is damaged`);
    }
  } else {
    throw new ZipError(`${entry.name} uses an unsupported compression method`);
  }
  if (out.byteLength > maxBytes) throw new ZipTooBig(entry.name);
  if (out.byteLength !== entry.declaredSize) throw new ZipError(`${entry.name} is damaged (it declares ${entry.declaredSize} bytes but holds ${out.byteLength})`);
  return out;
}

/** An entry, or the archive as a whole, inflates past its cap. */
export class ZipTooBig extends ZipError {
  constructor(readonly entryName: string) {
    super(`${entryName} is larger than allowed`);
  }
}
