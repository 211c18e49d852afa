import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyKey, keyboardRows, keyId, type KeyboardKey } from "./keyboard-keys.js";

const char = (c: string): KeyboardKey => ({ kind: "char", char: c });
const typed = (keys: KeyboardKey[], max = 500) => keys.reduce((t, k) => applyKey(t, k, max), "");
const font = JSON.parse(readFileSync(join(import.meta.dirname, "../../../public/fonts/ui-sans.json"), "utf8")) as { chars: Array<{ id: number }> };
const glyphs = new Set(font.chars.map((g) => g.id));

describe("the in-world keyboard", () => {
  it("types, spaces once between words and deletes the last character (an accent counts as one)", () => {
    expect(typed([char("o"), char("k"), { kind: "space" }, { kind: "space" }, char("é"), { kind: "delete" }])).toBe("ok ");
    expect(typed([{ kind: "space" }, char("a")])).toBe("a"); // no leading space
    expect(typed([{ kind: "delete" }])).toBe("");
  });

  it("refuses characters past the message limit", () => {
    expect(typed([char("a"), char("b"), char("c")], 2)).toBe("ab");
    expect(applyKey("ñ".repeat(500), char("x"), 500)).toHaveLength(500);
  });

  it("lays French out as AZERTY with its accents, Spanish with ñ ¿ ¡, and shift gives capitals", () => {
    const letters = (language: string, shifted = false) => keyboardRows(language, shifted).map((row) => row.map((k) => (k.kind === "char" ? k.char : `[${k.kind}]`)).join(""));
    expect(letters("fr")[1]).toBe("azertyuiop");
    expect(letters("fr")[0]).toContain("ç");
    expect(letters("es")[0]).toContain("ñ");
    expect(letters("es")[0]).toContain("¿¡");
    expect(letters("en")[1]).toBe("qwertyuiop");
    expect(letters("es", true)[0]).toContain("Ñ");
    expect(letters("de")[1]).toBe("qwertyuiop"); // a language added later gets a keyboard at once
  });

  it("gives every key a distinct id and a glyph in the VR font", () => {
    for (const language of ["en", "fr", "es"]) {
      for (const shifted of [false, true]) {
        const keys = keyboardRows(language, shifted).flat();
        expect(new Set(keys.map(keyId)).size).toBe(keys.length);
        for (const k of keys) if (k.kind === "char") expect(glyphs.has(k.char.codePointAt(0)!), `${language} ${k.char}`).toBe(true);
      }
    }
  });
});
