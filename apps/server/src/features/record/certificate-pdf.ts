import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
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
 * Latin, Greek, Cyrillic, Arabic, Hebrew and more, so a name prints as it is spelt. Read once; each
 * certificate embeds only the letters it uses. Never fetched.
 */
const FONT_DIR = new URL("./fonts/", import.meta.url);
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;
const fontBytes = () => (fonts ??= Promise.all([readFile(new URL("DejaVuSans.ttf", FONT_DIR)), readFile(new URL("DejaVuSans-Bold.ttf", FONT_DIR))]).then(([a, b]) => [new Uint8Array(a), new Uint8Array(b)]));

/** Text the font can draw: letters it lacks (Chinese, Japanese, Korean…) are stripped to their base letter or "?". */
const charsets = new WeakMap<PDFFont, Set<number>>();
function drawable(font: PDFFont, text: string): string {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  let out = "";
  for (const ch of text) {
    if (set.has(ch.codePointAt(0)!)) out += ch;
    else if (/\s/.test(ch)) out += " ";
    else {
      const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      out += base && base !== ch ? drawable(font, base) : "?";
    }
  }
  return out;
}

function centred(page: PDFPage, font: PDFFont, text: string, y: number, size: number, color = rgb(0.1, 0.1, 0.15)): void {
  const t = drawable(font, text);
  let s = size;
  while (s > 8 && font.widthOfTextAtSize(t, s) > page.getWidth() - 120) s -= 1;
  page.drawText(t, { x: (page.getWidth() - font.widthOfTextAtSize(t, s)) / 2, y, size: s, font, color });
}

/**
 * A one-page A4 landscape certificate: brand band and logo, the person's name, the session's
 * title, date and hours, and the verification code with where to check it, in the bundled DejaVu
 * Sans; the words come from the session language's `record` catalogue.
 */
export async function certificatePdf(c: CertificateContent): Promise<Uint8Array> {
  const t = recordWords(c.language);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t("certificate", "heading")} — ${c.name}`);
  doc.setCreationDate(new Date(c.date));
  doc.setModificationDate(new Date(c.date));
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await fontBytes();
  const [regular, bold] = await Promise.all([doc.embedFont(regularBytes, { subset: true }), doc.embedFont(boldBytes, { subset: true })]);
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
