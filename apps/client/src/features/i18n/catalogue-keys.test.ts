import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { NOTICE_CODES, ONBOARDING_STEPS } from "@otc/contract";
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
/** Onboarding words by step id (onboarding-words.ts): every step has a VR line, a hint and a name; all but the height check a desktop line. */
const STEP_KEYS = ONBOARDING_STEPS.flatMap((s) => [`onboarding.steps.${s}.vr`, `onboarding.steps.${s}.hint`, `onboarding.stepName.${s}`, ...(s === "height" ? [] : [`onboarding.steps.${s}.desktop`])]);
/** Keys reached by code, not by a literal: notices by their server code, each language's own name by the picker, onboarding steps by id. */
const DYNAMIC = new Set([...NOTICE_CODES.map((c) => `notice.${c}`), "language.self", ...STEP_KEYS]);

describe("the client's use of the catalogues", () => {
  const keys = new Set([...flatten(CATALOGUES["en"]!).keys()].map((k) => k.replace(PLURAL, "")));

  it("asks for no key the catalogues lack", () => {
    const asked = [...code.matchAll(/\bt\(\s*"([^"]+)"|key: "([a-zA-Z][\w-]*\.[\w.-]+)"/g)].map((m) => (m[1] ?? m[2])!);
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("has the words of every onboarding step", () => {
    expect(STEP_KEYS.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("leaves no catalogue message unused", () => {
    // The server words certificates and the /verify page itself (features/record), in the person's language.
    const serverWorded = (k: string) => k.startsWith("record.certificate.") || k.startsWith("record.verify.");
    expect([...keys].filter((k) => !literals.has(k) && !DYNAMIC.has(k) && !serverWorded(k))).toEqual([]);
  });

  it("has a catalogue per language the sessions offer", () => {
    expect(UI_LANGUAGES).toEqual(expect.arrayContaining(["en", "fr", "es"]));
  });
});
