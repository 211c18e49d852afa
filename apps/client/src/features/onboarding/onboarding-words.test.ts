import { createTranslator } from "@otc/i18n";
import { describe, expect, it } from "vitest";
import { hintOf, instructionOf } from "./onboarding-words.js";

const en = createTranslator("en");
const fr = createTranslator("fr");

describe("onboarding words per device", () => {
  it("never tells a desktop person about a stick or a palm, nor a person using their hands about a stick", () => {
    for (const step of ["move", "turn", "menu"] as const) expect(hintOf(en, step, "desktop")).not.toMatch(/stick|palm|wrist|trigger/i);
    expect(hintOf(en, "turn", "vr-hands")).not.toMatch(/stick/i);
    expect(instructionOf(en, "turn", "vr-hands")).not.toMatch(/stick/i);
    expect(hintOf(en, "turn", "vr-controllers")).toMatch(/stick/i); // controllers keep the stick
  });

  it("words the hint in the page's language", () => {
    expect(hintOf(fr, "menu", "desktop")).toContain("Discussion");
  });
});
