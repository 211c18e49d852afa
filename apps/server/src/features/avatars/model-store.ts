import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { AVATAR_MODEL_ROUTE, MODEL_HASH_PATTERN } from "@otc/contract";

/**
 * Uploaded avatar models on disk, named by the SHA-256 of their bytes (`<dataDir>/avatars/<hash>.glb`):
 * the same file uploaded twice is stored once, and a URL names exactly one content.
 */
export class AvatarModelStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, "avatars");
  }

  async put(bytes: Uint8Array): Promise<string> {
    const hash = createHash("sha256").update(bytes).digest("hex");
    const file = this.fileOf(hash)!;
    if (!existsSync(file)) {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file); // never serve a half-written model
    }
    return hash;
  }

  has(hash: string): boolean {
    const file = this.fileOf(hash);
    return file !== null && existsSync(file);
  }

  /** The file for a hash, or null when the hash is malformed (never a path outside the folder). */
  fileOf(hash: string): string | null {
    return MODEL_HASH_PATTERN.test(hash) ? path.join(this.dir, `${hash}.glb`) : null;
  }

  static urlOf(hash: string): string {
    return `${AVATAR_MODEL_ROUTE}/${hash}.glb`;
  }
}
