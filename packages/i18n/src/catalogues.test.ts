import { NOTICE_CODES } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { CATALOGUES, UI_LANGUAGES, flatten, isLoaded, loadAllLanguages, loadLanguage, placeholders } from "./catalogues.js";
import { chooseLanguage } from "./choose-language.js";
import { createTranslator, loadTranslator } from "./translator.js";

await loadAllLanguages();

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** base key → the plural categories it has ("" for a plain message). */
function shape(language: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flatten(CATALOGUES[language]!).keys()) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    out.set(base, (out.get(base) ?? new Set()).add(m ? m[1]! : ""));
  }
  return out;
}

describe("catalogues", () => {
  it("are English, French and Spanish at least, English first", () => {
    expect(UI_LANGUAGES[0]).toBe("en");
    expect(UI_LANGUAGES).toEqual(expect.arrayContaining(["en", "fr", "es"]));
  });

  for (const language of UI_LANGUAGES) {
    it(`${language}: has every message English has and no other, with the plural forms its language needs`, () => {
      const en = shape("en");
      const here = shape(language);
      expect([...here.keys()].sort()).toEqual([...en.keys()].sort());
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [base, forms] of here) {
        if (forms.has("")) expect(forms.size, `${language} ${base}: plain and plural at once`).toBe(1);
        else expect([...forms].sort(), `${language} ${base}: plural forms`).toEqual([...categories].sort());
        if (en.get(base)!.has("") !== forms.has("")) throw new Error(`${language} ${base}: plural in one language only`);
      }
    });

    it(`${language}: uses the same placeholders as English in every message, and no empty message`, () => {
      const en = flatten(CATALOGUES["en"]!);
      const baseOf = (k: string) => k.replace(PLURAL, "");
      const enByBase = new Map([...en].map(([k, v]) => [baseOf(k), placeholders(v)]));
      for (const [key, message] of flatten(CATALOGUES[language]!)) {
        expect(message.trim(), `${language} ${key} is empty`).not.toBe("");
        const expected = enByBase.get(baseOf(key))!.filter((p) => !(PLURAL.test(key) && p === "count"));
        const got = placeholders(message).filter((p) => !(PLURAL.test(key) && p === "count"));
        expect(got, `${language} ${key}`).toEqual(expected);
      }
    });
  }

  it("word every notice and refusal code the server may send", () => {
    const en = flatten(CATALOGUES["en"]!);
    for (const code of NOTICE_CODES) expect(en.has(`notice.${code}`), `notice.${code}`).toBe(true);
  });

  it("French uses French typography: no bare space before ; : ! ? and none inside « »", () => {
    for (const [key, message] of flatten(CATALOGUES["fr"]!)) {
      expect(message, key).not.toMatch(/ [;:!?»]|« /);
      expect(message, key).not.toMatch(/[^\s\u00a0\u202f(][;!?](\s|$)/);
      expect(message, key).not.toMatch(/'/); // the apostrophe is ’
    }
  });
});

describe("createTranslator", () => {
  it("words plurals per language with Intl.PluralRules and numbers with Intl", () => {
    const [en, fr, es] = ["en", "fr", "es"].map(createTranslator) as [ReturnType<typeof createTranslator>, ReturnType<typeof createTranslator>, ReturnType<typeof createTranslator>];
    expect(en("people.present", { count: 1 })).toBe("1 present");
    expect(fr("people.present", { count: 2 })).toBe("2 présents");
    expect(fr("people.present", { count: 0 })).toBe("0 présent"); // French: zero is singular
    expect(es("people.present", { count: 1 })).toBe("1 presente");
    expect(fr("avatar.tooBig", { mb: 1.5 })).toBe("Ce fichier dépasse 1,5\u00a0Mo.");
    expect(en("avatar.tooBig", { mb: 1.5 })).toBe("That file is over 1.5 MB.");
  });
  it("loads a language's catalogue once and words it from then on", async () => {
    await loadLanguage("fr");
    expect(isLoaded("fr")).toBe(true);
    expect((await loadTranslator("es"))("join.join")).not.toBe("Join");
    expect(isLoaded("de")).toBe(true); // an unknown language falls back to English: nothing to wait for
  });
  it("falls back to English for a language it does not have", () => {
    expect(createTranslator("de")("join.join")).toBe("Join");
  });
});

describe("chooseLanguage", () => {
  it("puts an explicit choice first, then the browser, then the session, then English", () => {
    expect(chooseLanguage({ explicit: "es", browser: ["fr-FR"], session: "en" })).toBe("es");
    expect(chooseLanguage({ explicit: null, browser: ["de-DE", "fr-CA", "en"], session: "es" })).toBe("fr");
    expect(chooseLanguage({ explicit: null, browser: ["de-DE", "pt"], session: "es" })).toBe("es");
    expect(chooseLanguage({ explicit: "xx", browser: [], session: null })).toBe("en");
  });
});
