import { SLIDE_DECK_MAX_PAGES, type DeckSummary } from "@otc/contract";
import { checkPdfBytes, looksLikeZip } from "@otc/slides";
import { PoolBusyError } from "../../workers/parse-pool.js";
import type { OfficeConverter } from "./office-convert.js";
import { pdfPageCount } from "./pdf-pages.js";

export type DeckIntake =
  | { ok: true; pdf: Uint8Array; pageCount: number; source: DeckSummary["source"] }
  | { ok: false; status: number; reason: string };

const refuse = (status: number, reason: string): DeckIntake => ({ ok: false, status, reason });

/**
 * Checks an uploaded deck by its content: a PDF (header, trailer, then parsed to count its pages),
 * or a ZIP-based PPTX/ODP (the name says which) converted to PDF first. Anything else is refused
 * with a reason a person can act on. `countPages` parses the PDF (the server passes the parse
 * pool's, off the event loop).
 */
export async function intakeDeck(bytes: Uint8Array, name: string, convert: OfficeConverter, countPages = pdfPageCount): Promise<DeckIntake> {
  let pdf = bytes;
  let source: DeckSummary["source"] = "pdf";
  if (looksLikeZip(bytes)) {
    const ext = /\.(pptx|odp)$/i.exec(name)?.[1]?.toLowerCase() as "pptx" | "odp" | undefined;
    if (!ext) return refuse(415, "this is not a PDF, PPTX or ODP deck");
    const converted = await convert(bytes, ext);
    if (!converted.ok) return refuse(415, converted.reason);
    pdf = converted.pdf;
    source = ext;
  }
  const verdict = checkPdfBytes(pdf);
  if (!verdict.ok) return refuse(415, verdict.reason);
  let pageCount: number;
  try {
    pageCount = await countPages(pdf);
  } catch (e) {
    if (e instanceof PoolBusyError) return refuse(503, e.message);
    return refuse(422, "the PDF could not be read (damaged or not really a PDF)");
  }
  if (pageCount < 1) return refuse(422, "the PDF has no pages");
  if (pageCount > SLIDE_DECK_MAX_PAGES) return refuse(422, `the deck has ${pageCount} pages; at most ${SLIDE_DECK_MAX_PAGES} are allowed`);
  return { ok: true, pdf, pageCount, source };
}

/** A deck's display name from the uploaded file name: no folders, no extension, printable, capped. */
export function deckName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/\.(pdf|pptx|odp)$/i, "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return Array.from(cleaned || "Deck").slice(0, 80).join("");
}
