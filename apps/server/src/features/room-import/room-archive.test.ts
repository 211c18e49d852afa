import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ARCHIVE_INFLATED_MAX, unpackRoom } from "./room-archive.js";

/** Rewrites the uncompressed size every header of `zip` declares for each entry, as a forger would. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true); // local header
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true); // central directory
  }
  return out;
}

describe("unpacking a room archive", () => {
  it("keeps only the room file and models, ignoring anything else", () => {
    const zip = zipSync({ "room.json": strToU8('{"id":"x"}'), "../../etc/passwd": strToU8("root"), "imported/readme.txt": strToU8("hi") });
    const out = unpackRoom(zip);
    expect(out).toMatchObject({ ok: true, json: { id: "x" } });
    expect(out.ok && [...out.models.keys()]).toEqual([]);
  });

  it("refuses an entry that says it inflates past its cap, before inflating it", () => {
    const zip = zipSync({ "room.json": [new Uint8Array(300 * 1024), { level: 9 }] }); // 300 kB of zeros, a few hundred bytes zipped
    expect(zip.byteLength).toBeLessThan(2000);
    expect(unpackRoom(zip)).toEqual({ ok: false, error: "The archive's room.json is larger than allowed." });
  });

  it("says what is missing or broken", () => {
    expect(unpackRoom(strToU8("plain text"))).toMatchObject({ ok: false, error: expect.stringMatching(/not a room archive/) });
    expect(unpackRoom(zipSync({ "other.json": strToU8("{}") }))).toMatchObject({ ok: false, error: "The archive has no room.json." });
    expect(unpackRoom(zipSync({ "room.json": strToU8("{nope") }))).toMatchObject({ ok: false, error: "The archive's room.json is not JSON." });
  });

  it("caps each entry by the bytes it really inflates to, whatever size it declares", () => {
    // Valid JSON padded past the 256 kB cap, declaring 100 bytes: it used to be cut to its first
    // 100 bytes (`{"id":"x"}` and spaces) and accepted.
    const padded = strToU8(`{"id":"x"}${" ".repeat(300 * 1024)}`);
    const lying = declareSize(zipSync({ "room.json": [padded, { level: 9 }] }), 100);
    expect(unpackRoom(lying)).toEqual({ ok: false, error: "The archive's room.json is larger than allowed." });
    const small = declareSize(zipSync({ "room.json": strToU8(`{"id":"x"}${" ".repeat(200)}`) }), 100);
    expect(unpackRoom(small)).toMatchObject({ ok: false, error: expect.stringMatching(/room\.json is damaged/) });
  });

  it("caps the bytes the whole archive inflates to", () => {
    // Three models of 30 MB each pass the 50 MB cap one by one but not together.
    const model = new Uint8Array(30 * 1024 * 1024);
    const ids = ["a", "b", "c"].map((c) => `imported/${c.repeat(32)}.glb`);
    const zip = zipSync({ "room.json": strToU8('{"id":"x"}'), ...Object.fromEntries(ids.map((id) => [id, [model, { level: 1 }]])) });
    expect(zip.byteLength).toBeLessThan(1024 * 1024);
    expect(3 * model.byteLength).toBeGreaterThan(ARCHIVE_INFLATED_MAX);
    expect(unpackRoom(zip)).toEqual({ ok: false, error: "The archive inflates to more than 54 MB in all." });
  });
});
