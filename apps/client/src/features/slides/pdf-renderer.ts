import { pageTextureSizeFor } from "@otc/slides";
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
export async function openPdf(bytes: Uint8Array, trace: (stage: string) => void = () => {}): Promise<PDFDocumentProxy> {
  const lib = await loadPdfJs();
  trace("pdf.js loaded");
  return lib.getDocument({ data: bytes, useSystemFonts: true }).promise;
}

/**
 * Draws one page (1-based) into a new canvas sized for a screen of `screen` metres (see
 * pageTextureSize), white behind transparent areas, and returns it with the page's aspect ratio.
 */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, screen: { width: number; height: number }, low = false): Promise<HTMLCanvasElement> {
  const page = await doc.getPage(pageNumber);
  try {
    const unit = page.getViewport({ scale: 1 });
    const size = pageTextureSizeFor(screen, unit.width / unit.height, low);
    const viewport = page.getViewport({ scale: size.width / unit.width });
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    // Rendered through our own 2D context (canvas: null), so the canvas stays a plain main-thread
    // canvas that WebGL can upload as a texture.
    await page.render({ canvas: null, canvasContext: ctx, viewport, background: "#ffffff" }).promise;
    return canvas;
  } finally {
    page.cleanup();
  }
}

/** Mean luma (0 black … 1 white) of a rendered page, from a 16 × 9 thumbnail: tests tell a drawn page from a blank one. */
export function meanLuma(image: HTMLCanvasElement): number {
  const thumb = document.createElement("canvas");
  thumb.width = 16;
  thumb.height = 9;
  const ctx = thumb.getContext("2d", { willReadFrequently: true });
  if (!ctx) return 0;
  ctx.drawImage(image, 0, 0, 16, 9);
  const px = ctx.getImageData(0, 0, 16, 9).data;
  let sum = 0;
  for (let i = 0; i < px.length; i += 4) sum += (0.2126 * px[i]! + 0.7152 * px[i + 1]! + 0.0722 * px[i + 2]!) / 255;
  return sum / (px.length / 4);
}
