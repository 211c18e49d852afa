/** A key of the in-world keyboard: a character it types, or one of the three that edit. */
export type KeyboardKey = { kind: "char"; char: string } | { kind: "shift" } | { kind: "space" } | { kind: "delete" };

const LETTERS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const FRENCH_LETTERS = ["azertyuiop", "qsdfghjklm", "wxcvbn"];
/** The accents and signs each language types most, on a row of their own (no long-press in VR). */
const EXTRA: Record<string, string> = {
  en: "1234567890",
  fr: "éèàçùêâô«»",
  es: "áéíóúñü¿¡",
};
const PUNCTUATION = ",.'?!-";

/**
 * The rows of the in-world keyboard for a language: letters in the layout that language's people
 * know (AZERTY for French), one row of its accents (digits for a language without a row of its
 * own), punctuation, and the editing keys.
 */
export function keyboardRows(language: string, shifted: boolean): KeyboardKey[][] {
  const letters = language === "fr" ? FRENCH_LETTERS : LETTERS;
  const chars = (s: string): KeyboardKey[] => [...s].map((c) => ({ kind: "char", char: shifted ? c.toLocaleUpperCase(language) : c }));
  return [
    chars(EXTRA[language] ?? EXTRA.en!),
    ...letters.map(chars),
    [{ kind: "shift" }, ...chars(PUNCTUATION), { kind: "delete" }],
    [{ kind: "space" }],
  ];
}

/** What a key press does to the text being typed; `max` characters at most (the rest is refused). */
export function applyKey(text: string, key: KeyboardKey, max: number): string {
  switch (key.kind) {
    case "char":
      return [...text].length >= max ? text : text + key.char;
    case "space":
      return [...text].length >= max || text === "" || text.endsWith(" ") ? text : `${text} `;
    case "delete":
      return [...text].slice(0, -1).join("");
    case "shift":
      return text;
  }
}

/** A stable id for a key's button (test hooks press it by this). */
export function keyId(key: KeyboardKey): string {
  return key.kind === "char" ? `key:${key.char}` : `key:${key.kind}`;
}
