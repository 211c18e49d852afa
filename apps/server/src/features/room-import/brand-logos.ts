import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

/** Largest logo upload, bytes. */
export const MAX_LOGO_BYTES = 4 * 1024 * 1024;
/** Longest edge a stored logo keeps, px: a wall panel a few metres wide needs no more. */
const LOGO_EDGE = 1024;
export const LOGO_PATH = /^uploads\/brand\/[a-f0-9]{32}\.png$/;

export type LogoResult = { ok: true; logoImage: string } | { ok: false; status: number; error: string };

const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/**
 * Brand logos uploaded in the console, kept as PNG under `<dataDir>/uploads/brand/<hash>.png` and
 * served from `/assets/uploads/brand/…`. Only PNG and JPEG are taken (judged by their first bytes,
 * then decoded); each is re-encoded, which drops metadata and anything hidden after the image.
 * SVG is refused: served from our origin it could carry script.
 */
export class BrandLogos {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, "uploads", "brand");
  }

  async put(bytes: Uint8Array): Promise<LogoResult> {
    if (!isPng(bytes) && !isJpeg(bytes)) return { ok: false, status: 415, error: "A logo must be a PNG or JPEG picture." };
    let png: Buffer;
    try {
      png = await sharp(bytes, { limitInputPixels: 64 * 1024 * 1024 })
        .resize(LOGO_EDGE, LOGO_EDGE, { fit: "inside", withoutEnlargement: true })
        .png()
        .toBuffer();
    } catch (e) {
      return { ok: false, status: 422, error: `The picture could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
    const id = createHash("sha256").update(png).digest("hex").slice(0, 32);
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${id}.png`);
    await writeFile(`${file}.tmp`, png);
    await rename(`${file}.tmp`, file);
    return { ok: true, logoImage: `uploads/brand/${id}.png` };
  }

  /** Where `uploads/brand/<id>.png` is kept, or null for any other path. */
  fileOf(logoImage: string): string | null {
    return LOGO_PATH.test(logoImage) ? path.join(this.dir, path.basename(logoImage)) : null;
  }

  /** The stored bytes of `uploads/brand/<id>.png`, or null. */
  async read(logoImage: string): Promise<Uint8Array | null> {
    const file = this.fileOf(logoImage);
    return file ? readFile(file).then((b) => new Uint8Array(b), () => null) : null;
  }
}
