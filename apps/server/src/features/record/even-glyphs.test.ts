import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { evenGlyphs } from "./even-glyphs.js";

describe("evenGlyphs", () => {
  it("keeps every glyph and letter of the CJK fallback font, each glyph record on a 4-byte boundary", async () => {
    const before = new Uint8Array(await readFile(new URL("./fonts/DroidSansFallback.ttf", import.meta.url)));
    const [a, b] = [fontkit.create(before), fontkit.create(evenGlyphs(before))];
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.characterSet.length).toBe(a.characterSet.length);
    const offsets = (b as unknown as { loca: { offsets: number[] } }).loca.offsets;
    expect(offsets.every((o) => o % 4 === 0)).toBe(true);
    for (const ch of "山田花子김") {
      const [g, h] = [a.glyphForCodePoint(ch.codePointAt(0)!), b.glyphForCodePoint(ch.codePointAt(0)!)];
      expect(h.path.toSVG()).toBe(g.path.toSVG()); // the same outline
      expect(h.advanceWidth).toBe(g.advanceWidth);
    }
  });
});
