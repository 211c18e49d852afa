import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/**
 * A 16:9 PDF whose page n shows the number n, large and centred, on a background whose hue moves
 * with n (so a screenshot or a pixel sample tells pages apart). Standard fonts only: nothing is
 * embedded or fetched.
 */
export async function makeNumberedPdf(pages: number, title = "Deck"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const [w, h] = [960, 540]; // points
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([w, h]);
    const hue = (n * 0.13) % 1;
    page.drawRectangle({ x: 0, y: 0, width: w, height: h, color: rgb(0.85 + 0.15 * hue, 0.9, 1 - 0.15 * hue) });
    const text = String(n);
    const size = 300;
    page.drawText(text, { x: (w - font.widthOfTextAtSize(text, size)) / 2, y: h / 2 - size * 0.35, size, font, color: rgb(0.05, 0.05, 0.2) });
    page.drawText(`${title} · page ${n} of ${pages}`, { x: 24, y: 20, size: 20, font, color: rgb(0.2, 0.2, 0.3) });
  }
  return doc.save();
}
