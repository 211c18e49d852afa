import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AvatarModelStore } from "./model-store.js";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "otc-avatar-store-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A distinct 100-byte "model" (the store keeps bytes; the content check is the route's). */
const model = (n: number) => new Uint8Array(100).fill(n);

describe("avatar model storage", () => {
  it("keeps a person's last three models; a fourth replaces the oldest", async () => {
    const store = new AvatarModelStore(dataDir, { perPerson: 3, totalBytes: 10_000 });
    const hashes: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const put = await store.put(model(n), "ada");
      if (put.ok) hashes.push(put.hash);
    }
    expect(hashes.map((h) => store.has(h))).toEqual([false, true, true, true]);
    // The same model again is not a new one, and a model someone else also uploaded stays for them.
    expect(await store.put(model(4), "ada")).toMatchObject({ ok: true });
    await store.put(model(2), "ben");
    for (const n of [5, 6]) await store.put(model(n), "ada");
    expect(store.has(hashes[1]!)).toBe(true); // ben's
    expect(store.has(hashes[2]!)).toBe(false);
  });

  it("refuses an upload past the total space with a sentence, changing nothing", async () => {
    const store = new AvatarModelStore(dataDir, { perPerson: 3, totalBytes: 250 });
    expect(await store.put(model(1), "ada")).toMatchObject({ ok: true });
    expect(await store.put(model(2), "ben")).toMatchObject({ ok: true });
    expect(await store.put(model(3), "cy")).toEqual({ ok: false, status: 507, reason: expect.stringMatching(/space for avatar models .* is full/) });
    expect(await store.put(model(1), "cy")).toMatchObject({ ok: true }); // already stored: takes no space
    // A restarted server counts what is on disk and who owns it.
    const again = new AvatarModelStore(dataDir, { perPerson: 1, totalBytes: 250 });
    expect(await again.put(model(3), "dee")).toMatchObject({ ok: false, status: 507 });
    expect(await again.put(model(3), "ben")).toMatchObject({ ok: true }); // replaces ben's only model
  });
});
