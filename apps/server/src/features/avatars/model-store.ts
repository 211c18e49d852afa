import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { AVATAR_MODEL_ROUTE, MODEL_HASH_PATTERN } from "@otc/contract";

/** How much avatar model storage one server and one person may use. */
export interface AvatarQuota {
  /** Models kept per person; a further upload replaces that person's oldest. */
  perPerson: number;
  /** Bytes of all models under `<dataDir>/avatars`; an upload past it is refused. */
  totalBytes: number;
}

export const DEFAULT_AVATAR_QUOTA: AvatarQuota = { perPerson: 3, totalBytes: 2 * 1024 ** 3 };

export type PutResult = { ok: true; hash: string } | { ok: false; status: 507; reason: string };

const OWNERS_FILE = "owners.json";
type Owners = Record<string, string[]>; // person id → model hashes, oldest first

/**
 * Uploaded avatar models on disk, named by the SHA-256 of their bytes (`<dataDir>/avatars/<hash>.glb`):
 * the same file uploaded twice is stored once, and a URL names exactly one content. Each person
 * keeps at most `perPerson` models (the oldest is deleted when no one else uploaded it too), and all
 * models together stay under `totalBytes`. Puts run one at a time so the quota is counted exactly.
 */
export class AvatarModelStore {
  readonly dir: string;
  private state: Promise<{ owners: Owners; total: number }> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly quota: AvatarQuota = DEFAULT_AVATAR_QUOTA,
  ) {
    this.dir = path.join(dataDir, "avatars");
  }

  /** Stores `bytes` as one of `owner`'s models (a person id), or says why the server has no room for it. */
  put(bytes: Uint8Array, owner: string): Promise<PutResult> {
    const job = this.queue.then(() => this.putNow(bytes, owner));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async putNow(bytes: Uint8Array, owner: string): Promise<PutResult> {
    const hash = createHash("sha256").update(bytes).digest("hex");
    const file = this.fileOf(hash)!;
    const state = await this.load();
    const mine = (state.owners[owner] ?? []).filter((h) => h !== hash);
    const evicted = mine.length >= this.quota.perPerson ? mine.slice(0, mine.length - this.quota.perPerson + 1) : [];
    const keptElsewhere = (h: string) => Object.entries(state.owners).some(([o, hashes]) => o !== owner && hashes.includes(h));
    const deletable = evicted.filter((h) => !keptElsewhere(h));
    let freed = 0;
    for (const h of deletable) freed += await stat(this.fileOf(h)!).then((s) => s.size, () => 0);
    const added = existsSync(file) ? 0 : bytes.byteLength;
    if (state.total - freed + added > this.quota.totalBytes) {
      const gb = (this.quota.totalBytes / 1024 ** 3).toFixed(1);
      return { ok: false, status: 507, reason: `The server's space for avatar models (${gb} GB) is full; use a built-in avatar, or ask the organiser to free space.` };
    }
    await mkdir(this.dir, { recursive: true });
    if (added > 0) {
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file); // never serve a half-written model
    }
    for (const h of deletable) await rm(this.fileOf(h)!, { force: true });
    state.owners[owner] = [...mine.filter((h) => !evicted.includes(h)), hash];
    state.total += added - freed;
    const index = path.join(this.dir, OWNERS_FILE);
    await writeFile(`${index}.tmp`, JSON.stringify(state.owners));
    await rename(`${index}.tmp`, index);
    return { ok: true, hash };
  }

  /** The owner index and the bytes on disk, read once (models from before the index count, unowned). */
  private load(): Promise<{ owners: Owners; total: number }> {
    return (this.state ??= (async () => {
      const owners = await readFile(path.join(this.dir, OWNERS_FILE), "utf8").then((t) => JSON.parse(t) as Owners, () => ({}));
      const names = await readdir(this.dir).catch(() => [] as string[]);
      let total = 0;
      for (const name of names.filter((n) => n.endsWith(".glb"))) total += (await stat(path.join(this.dir, name))).size;
      return { owners, total };
    })());
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
