import { createTranslator, loadLanguage } from "@otc/i18n";
import { describe, expect, it } from "vitest";
import { boardLine, mirrorOrder, personLine, screenLine, type MirrorPerson } from "./scene-text.js";

const en = createTranslator("en");
await loadLanguage("fr");
const fr = createTranslator("fr");
const person = (name: string, more: Partial<MirrorPerson> = {}): MirrorPerson => ({ name, role: "participant", self: false, speaking: false, handRaised: false, muted: false, away: false, ...more });

describe("the room's text description", () => {
  it("says who someone is and what they are doing", () => {
    expect(personLine(en, person("Ada", { role: "facilitator", speaking: true }))).toBe("Ada (Facilitator) — speaking");
    expect(personLine(en, person("Ben", { self: true, handRaised: true, muted: true }))).toBe("Ben (you) — hand raised, muted");
    expect(personLine(en, person("Chloé"))).toBe("Chloé");
    expect(personLine(fr, person("Chloé", { away: true }))).toBe("Chloé — absent");
  });

  it("says what each screen shows, page of pages and the deck's name", () => {
    expect(screenLine(en, { id: "main", deck: { name: "Induction", page: 3, pageCount: 12 } })).toBe("main: page 3 of 12 — Induction");
    expect(screenLine(en, { id: "side", deck: null })).toBe("side: nothing shown");
    expect(screenLine(fr, { id: "main", deck: { name: "Accueil", page: 1, pageCount: 4 } })).toBe("main\u00a0: page 1 sur 4 — Accueil");
  });

  it("names the board in front, or says there is none", () => {
    expect(boardLine(en, "wall")).toBe("In front of you: board wall");
    expect(boardLine(en, null)).toBe("No board in front of you");
  });

  it("lists oneself first, then raised hands, then by name", () => {
    const order = mirrorOrder([person("Zoé"), person("Ben", { handRaised: true }), person("Ada"), person("Me", { self: true })]);
    expect(order.map((p) => p.name)).toEqual(["Me", "Ben", "Ada", "Zoé"]);
  });
});
