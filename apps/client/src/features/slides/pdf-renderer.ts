import { pageTextureSize } from "@otc/slides";
import type { PDFDocumentProxy } from "pdfjs-dist";

/** pdf.js, loaded on first use (its own chunk) with its worker served from our own origin. */
let pdfjs: Promise<typeof import("pdfjs-dist")> | undefined;
function loadPdfJs() {
  return (pdfjs ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  }));
}

/** Opens PDF bytes with pdf.js. Fonts come from the PDF or the system; nothing is fetched. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await loadPdfJs();
  return lib.getDocument({ data: bytes, useSystemFonts: true }).promise;
}

/**
 * Draws one page (1-based) into a new canvas sized for a screen of `screen` metres (see
 * pageTextureSize), white behind transparent areas, and returns it with the page's aspect ratio.
 */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, screen: { width: number; height: number }): Promise<HTMLCanvasElement> {
  const page = await doc.getPage(pageNumber);
  try {
    const unit = page.getViewport({ scale: 1 });
    const size = pageTextureSize(screen, unit.width / unit.height);
    const viewport = page.getViewport({ scale: size.width / unit.width });
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    await page.render({ canvas, viewport, background: "#ffffff" }).promise;
    return canvas;
  } finally {
    page.cleanup();
  }
}
