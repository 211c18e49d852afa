/**
 * @otc/slides: the pure rules of slide screens (paging, who may present, which pages to keep
 * ready, texture sizes, the first content check of an uploaded PDF). No three, react or colyseus
 * runtime: the server and the client both import it.
 */
export { turnPage, pagesToKeep, pageKey, type PagePosition, type PageOutcome } from "./paging.js";
export { mayPage, mayManageSlides } from "./presenters.js";
export { checkPdfBytes, looksLikeZip, type PdfVerdict } from "./pdf-check.js";
export { pageTextureSize, pageTextureSizeFor, LOW_BANDWIDTH_PAGE } from "./resolution.js";
