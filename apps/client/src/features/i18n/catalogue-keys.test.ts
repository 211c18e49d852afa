import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { NOTICE_CODES } from "@otc/contract";
import { CATALOGUES, UI_LANGUAGES, flatten } from "@otc/i18n";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../..");
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const code = sources(SRC).map((p) => readFileSync(p, "utf8")).join("\n");
/** Every double-quoted literal in the client's sources: keys are written whole, never glued together. */
const literals = new Set([...code.matchAll(/"([a-zA-Z][\w.-]*)"/g)].map((m) => m[1]!));
/** Keys reached by code, not by a literal: notices by their server code, each language's own name by the picker. */
const DYNAMIC = new Set([...NOTICE_CODES.map((c) => `notice.${c}`), "language.self"]);

describe("the client's use of the catalogues", () => {
  const keys = new Set([...flatten(CATALOGUES["en"]!).keys()].map((k) => k.replace(PLURAL, "")));

  it("asks for no key the catalogues lack", () => {
    const asked = [...code.matchAll(/\bt\(\s*"([^"]+)"|key: "([a-zA-Z][\w-]*\.[\w.-]+)"/g)].map((m) => (m[1] ?? m[2])!);
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("leaves no catalogue message unused", () => {
    expect([...keys].filter((k) => !literals.has(k) && !DYNAMIC.has(k))).toEqual([]);
  });

  it("has a catalogue per language the sessions offer", () => {
    expect(UI_LANGUAGES).toEqual(expect.arrayContaining(["en", "fr", "es"]));
  });
});
