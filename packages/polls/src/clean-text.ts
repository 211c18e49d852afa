// C0/C1 control characters, zero-width and bidi overrides: invisible or layout-breaking on a screen.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** Strips control characters, collapses whitespace, trims and caps at `max` characters (code points). */
export function cleanText(raw: string, max: number): string {
  const cleaned = raw.replace(/[\t\n\r\v\f]/g, " ").replace(CONTROL, "").replace(/\s+/g, " ").trim();
  return Array.from(cleaned).slice(0, max).join("");
}
