import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUES, UI_LANGUAGES, flatten } from "@otc/i18n";
import { describe, expect, it } from "vitest";

interface MsdfFont {
  chars: Array<{ id: number; char: string; xadvance: number }>;
}
const font = JSON.parse(readFileSync(join(import.meta.dirname, "../../../public/fonts/ui-sans.json"), "utf8")) as MsdfFont;
const glyphs = new Map(font.chars.map((g) => [g.id, g]));

describe("the in-world UI font", () => {
  it("draws every character any catalogue may put in a VR panel (no empty box for é, ñ, ¿, « or a no-break space)", () => {
    const missing = new Set<string>();
    for (const language of UI_LANGUAGES) {
      for (const message of flatten(CATALOGUES[language]!).values()) {
        for (const ch of message.replace(/\{\{[^}]*\}\}/g, "")) if (!glyphs.has(ch.codePointAt(0)!)) missing.add(`${language}: ${JSON.stringify(ch)}`);
      }
    }
    expect([...missing]).toEqual([]);
    expect(UI_LANGUAGES).toEqual(expect.arrayContaining(["fr", "es"]));
  });

  it("gives the spaces French typography puts before : ; ? ! a width", () => {
    for (const space of ["\u00a0", "\u202f"]) expect(glyphs.get(space.codePointAt(0)!)?.xadvance ?? 0).toBeGreaterThan(0);
  });
});
