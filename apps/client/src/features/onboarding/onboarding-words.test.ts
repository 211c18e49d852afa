import { createTranslator } from "@otc/i18n";
import { describe, expect, it } from "vitest";
import { stepsFor } from "@otc/onboarding";
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

  it("tells a phone or tablet about a finger, the stick and a tap, never the mouse, keys or a click", () => {
    const es = createTranslator("es");
    for (const tr of [en, fr, es])
      for (const step of stepsFor("touch")) {
        expect(instructionOf(tr, step, "touch")).not.toMatch(/mouse|souris|ratón|click|clic|W A S D|Z Q S D|\(H\)|touche M|tecla M|M key/i);
        expect(hintOf(tr, step, "touch")).not.toMatch(/mouse|souris|ratón|click|clic|W A S D|Z Q S D/i);
      }
    expect(instructionOf(en, "look", "touch")).toMatch(/drag a finger/);
    expect(instructionOf(en, "move", "touch")).toMatch(/stick/);
    expect(instructionOf(fr, "slides", "touch")).toMatch(/touchez/);
    expect(instructionOf(en, "comfort", "touch")).toBe(instructionOf(en, "comfort", "desktop")); // nothing to click or press there
  });

  it("words the hint in the page's language", () => {
    expect(hintOf(fr, "menu", "desktop")).toContain("Discussion");
  });
});
