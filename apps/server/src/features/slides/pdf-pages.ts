import { PDFDocument } from "pdf-lib";

/** Pages of a PDF, parsed in full (throws when it cannot be read). Runs in the parse pool. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  // Encrypted PDFs that open without a password are fine to show; pdf.js decrypts them.
  return (await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
}
