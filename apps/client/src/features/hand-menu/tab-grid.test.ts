import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUES, UI_LANGUAGES, flatten } from "@otc/i18n";
import { describe, expect, it } from "vitest";
import { TAB_INSET, tabCellWidth, tabFontSize, tabRows } from "./tab-grid.js";

interface MsdfFont {
  info: { size: number };
  chars: Array<{ id: number; xadvance: number }>;
}
const font = JSON.parse(readFileSync(join(import.meta.dirname, "../../../public/fonts/ui-sans.json"), "utf8")) as MsdfFont;
const advance = new Map(font.chars.map((g) => [g.id, g.xadvance / font.info.size]));
/** Width in panel pixels of `text` on one line at `size`, as the MSDF font lays it out. */
const widthOf = (text: string, size: number) => [...text].reduce((w, ch) => w + (advance.get(ch.codePointAt(0)!) ?? 1) * size, 0);

const CELL = tabCellWidth(300); // the menu: 320 px wide, 10 px padding each side

describe("the hand menu's tab grid", () => {
  it("puts tabs in rows of four, in order, whatever their number", () => {
    expect(tabRows([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
    expect(tabRows(["a", "b", "c", "d", "e"])).toEqual([["a", "b", "c", "d"], ["e"]]);
    expect(tabRows([])).toEqual([]);
  });

  it("fits every tab's name, in every language, on one line inside its cell (nothing spills onto a neighbour)", () => {
    const tooWide: string[] = [];
    for (const language of UI_LANGUAGES) {
      for (const [key, label] of flatten(CATALOGUES[language]!)) {
        if (!key.startsWith("vrmenu.tab.")) continue;
        const size = tabFontSize(label, CELL);
        expect(size, `${language} ${label}`).toBeGreaterThanOrEqual(9);
        if (widthOf(label, size) > CELL - 2 * TAB_INSET) tooWide.push(`${language}: ${label} at ${size} px`);
      }
    }
    expect(tooWide).toEqual([]);
  });

  it("keeps short names at the usual size and shrinks only long ones", () => {
    expect(tabFontSize("Me", CELL)).toBe(13);
    expect(tabFontSize("Discussion", CELL)).toBeLessThan(13);
  });
});
