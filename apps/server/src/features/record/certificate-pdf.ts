import { readFile } from "node:fs/promises";
// fontkit's Indic shaper (Devanagari conjuncts and vowel signs) runs generators compiled for a global regeneratorRuntime.
import "regenerator-runtime/runtime.js";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { evenGlyphs } from "./even-glyphs.js";
import { recordWords } from "./record-words.js";

export interface CertificateContent {
  name: string;
  title: string;
  /** When the session started, ms. */
  date: number;
  hours: number;
  code: string;
  /** Where `/verify/<code>` lives (the server's public address). */
  verifyUrl: string;
  language: string;
  /** Brand colours, #rrggbb. */
  primary: string;
  secondary: string;
  /** PNG or JPEG bytes of the brand logo, if any. */
  logo: Uint8Array | null;
}

const colour = (hex: string) => {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};

/**
 * DejaVu Sans (regular and bold), shipped in ./fonts with its licence (from Debian's fonts-dejavu-core):
 * Latin, Greek, Cyrillic, Arabic, Hebrew and more, so a name prints as it is spelt. Letters it lacks
 * come from the fallbacks, each read and embedded only for a certificate whose name or title needs it:
 * Chinese, Japanese and Korean from Droid Sans Fallback (Apache 2.0, from Debian's
 * fonts-droid-fallback, 3.4 MB, no bold), Devanagari and Thai from Noto Sans Devanagari and Noto Sans
 * Thai (OFL, regular and bold, from the npm packages @expo-google-fonts/noto-sans-devanagari 0.4.1 and
 * noto-sans-thai 0.4.2). Each certificate embeds only the letters it uses. Never fetched.
 */
const FONT_DIR = new URL("./fonts/", import.meta.url);
const read = (file: string) => readFile(new URL(file, FONT_DIR)).then((b) => new Uint8Array(b));
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;
const fontBytes = () => (fonts ??= Promise.all([read("DejaVuSans.ttf"), read("DejaVuSans-Bold.ttf")]));

interface Fallback {
  regular: string;
  /** null: bold text is drawn in the regular weight. */
  bold: string | null;
}
/** Tried in this order for a letter DejaVu lacks. */
const FALLBACKS: readonly Fallback[] = [
  { regular: "DroidSansFallback.ttf", bold: null },
  { regular: "NotoSansDevanagari-Regular.ttf", bold: "NotoSansDevanagari-Bold.ttf" },
  { regular: "NotoSansThai-Regular.ttf", bold: "NotoSansThai-Bold.ttf" },
];
const loaded = new Map<string, Promise<{ bytes: Uint8Array; chars: Set<number> }>>();
/** A fallback's bytes, padded against the subsetter's short-`loca` bug (see even-glyphs.ts), and its letters. */
function fallbackFile(file: string) {
  let font = loaded.get(file);
  if (!font) {
    font = read(file).then((raw) => {
      const bytes = evenGlyphs(raw);
      return { bytes, chars: new Set(fontkit.create(bytes).characterSet) };
    });
    loaded.set(file, font);
  }
  return font;
}

/** The fonts text is drawn with: the main one, then the fallbacks embedded for letters it lacks. */
interface FontPair {
  main: PDFFont;
  fallbacks: PDFFont[];
}
const charsets = new WeakMap<PDFFont, Set<number>>();
function has(font: PDFFont, ch: string): boolean {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  return set.has(ch.codePointAt(0)!);
}

/** The letters of these texts missing from any of the fonts, as code points. */
const missing = (fonts: readonly PDFFont[], texts: readonly string[]) =>
  new Set(texts.flatMap((t) => [...t].filter((ch) => !/\s/.test(ch) && fonts.some((f) => !has(f, ch))).map((ch) => ch.codePointAt(0)!)));

/**
 * Embeds the fallbacks these texts need (those that have a letter the main fonts lack, first come
 * first), regular and bold. Devanagari and Thai are shaped by fontkit as pdf-lib lays the text out
 * (conjuncts, reordered vowel signs); pdf-lib draws glyphs at their advance widths without the
 * font's mark positioning, so Thai tone marks sit where the font's default places them (approximate).
 */
async function embedFallbacks(doc: PDFDocument, mains: readonly PDFFont[], texts: readonly string[]): Promise<{ regular: PDFFont[]; bold: PDFFont[] }> {
  const left = missing(mains, texts);
  const out: { regular: PDFFont[]; bold: PDFFont[] } = { regular: [], bold: [] };
  for (const f of FALLBACKS) {
    if (left.size === 0) break;
    const regular = await fallbackFile(f.regular);
    const covers = [...left].filter((cp) => regular.chars.has(cp));
    if (covers.length === 0) continue;
    for (const cp of covers) left.delete(cp);
    const r = await doc.embedFont(regular.bytes, { subset: true });
    out.regular.push(r);
    out.bold.push(f.bold ? await doc.embedFont((await fallbackFile(f.bold)).bytes, { subset: true }) : r);
  }
  return out;
}

/** A combining mark or a zero-width (non-)joiner: it stays in the run of the letter before it, so the font shapes them together. */
const CLINGS = /^[\p{M}\u200c\u200d]$/u;

/**
 * The text cut into runs, each in the font that draws it: the main font, else the first fallback
 * that has the letter (marks stay with their letter's font); a letter none has is stripped to its
 * base letter (ắ → a) or printed "?".
 */
function runs(fonts: FontPair, text: string): { font: PDFFont; text: string }[] {
  const out: { font: PDFFont; text: string }[] = [];
  const push = (font: PDFFont, ch: string) => {
    const last = out.at(-1);
    if (last?.font === font) last.text += ch;
    else out.push({ font, text: ch });
  };
  for (const ch of text) {
    const last = out.at(-1)?.font;
    const fallback = fonts.fallbacks.find((f) => has(f, ch));
    if (last && CLINGS.test(ch) && has(last, ch)) push(last, ch);
    else if (has(fonts.main, ch)) push(fonts.main, ch);
    else if (/\s/.test(ch)) push(last ?? fonts.main, " ");
    else if (fallback) push(fallback, ch);
    else {
      const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      for (const r of base && base !== ch ? runs(fonts, base) : [{ font: fonts.main, text: "?" }]) for (const c of r.text) push(r.font, c);
    }
  }
  return out;
}

function centred(page: PDFPage, fonts: FontPair, text: string, y: number, size: number, color = rgb(0.1, 0.1, 0.15)): void {
  const parts = runs(fonts, text);
  const width = (s: number) => parts.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, s), 0);
  let s = size;
  while (s > 8 && width(s) > page.getWidth() - 120) s -= 1;
  let x = (page.getWidth() - width(s)) / 2;
  for (const r of parts) {
    page.drawText(r.text, { x, y, size: s, font: r.font, color });
    x += r.font.widthOfTextAtSize(r.text, s);
  }
}

/**
 * A one-page A4 landscape certificate: brand band and logo, the person's name, the session's
 * title, date and hours, and the verification code with where to check it, in the bundled fonts;
 * the words come from the session language's `record` catalogue.
 */
export async function certificatePdf(c: CertificateContent): Promise<Uint8Array> {
  const t = recordWords(c.language);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t("certificate", "heading")} — ${c.name}`);
  doc.setCreationDate(new Date(c.date));
  doc.setModificationDate(new Date(c.date));
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await fontBytes();
  const [main, mainBold] = await Promise.all([doc.embedFont(regularBytes, { subset: true }), doc.embedFont(boldBytes, { subset: true })]);
  const fallbacks = await embedFallbacks(doc, [main, mainBold], [c.name, c.title]);
  const [regular, bold] = [
    { main, fallbacks: fallbacks.regular },
    { main: mainBold, fallbacks: fallbacks.bold },
  ];
  const page = doc.addPage([842, 595]); // A4 landscape, points
  const [w, h] = [page.getWidth(), page.getHeight()];
  page.drawRectangle({ x: 0, y: h - 70, width: w, height: 70, color: colour(c.primary) });
  page.drawRectangle({ x: 0, y: 0, width: w, height: 16, color: colour(c.secondary) });
  page.drawRectangle({ x: 30, y: 40, width: w - 60, height: h - 130, borderColor: colour(c.primary), borderWidth: 2 });
  if (c.logo) {
    const isPng = c.logo[0] === 0x89;
    const image = await (isPng ? doc.embedPng(c.logo) : doc.embedJpg(c.logo)).catch(() => null);
    if (image) {
      const scale = Math.min(56 / image.height, 160 / image.width);
      page.drawImage(image, { x: 40, y: h - 63, width: image.width * scale, height: image.height * scale });
    }
  }
  const date = new Intl.DateTimeFormat(c.language, { dateStyle: "long" }).format(new Date(c.date));
  centred(page, bold, t("certificate", "heading"), h - 150, 34, colour(c.primary));
  centred(page, regular, t("certificate", "certifies"), h - 210, 16);
  centred(page, bold, c.name, h - 260, 36);
  centred(page, regular, t("certificate", "tookPart"), h - 305, 16);
  centred(page, bold, c.title, h - 345, 24);
  centred(page, regular, t("certificate", "hours", { hours: c.hours.toLocaleString(c.language, { maximumFractionDigits: 1 }), date }), h - 385, 16);
  centred(page, regular, t("certificate", "code", { code: c.code }), 80, 11, rgb(0.3, 0.3, 0.35));
  centred(page, regular, t("certificate", "checkAt", { url: c.verifyUrl }), 62, 10, rgb(0.3, 0.3, 0.35));
  return doc.save();
}
