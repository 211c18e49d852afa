import { afterEach, describe, expect, it } from "vitest";
import { libreOfficeConverter } from "./office-convert.js";

// A conversion whose scratch folder cannot be made (a full or missing temporary disk) must come back
// as a refusal the upload route can word, never as a rejection out of the converter.
describe("libreOfficeConverter", () => {
  const saved = process.env.TMPDIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  it("answers a refusal when its temporary folder cannot be created", async () => {
    process.env.TMPDIR = "/nonexistent/otc-no-such-tmp"; // os.tmpdir() reads it on each call
    const result = await libreOfficeConverter("true")(new Uint8Array([1, 2, 3]), "pptx");
    expect(result.ok).toBe(false);
  });
});
