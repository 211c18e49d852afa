import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { unpackRoom } from "./room-archive.js";

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
});
