import type { SlidePageMessage } from "@otc/contract";

/** Where a screen stands: 1-based page of `pageCount` pages (0 pages = no deck). */
export interface PagePosition {
  page: number;
  pageCount: number;
}

export type PageOutcome = { ok: true; page: number; changed: boolean } | { ok: false; reason: string };

/**
 * The page a screen moves to for a paging request. "next" on the last page and "prev" on the first
 * stay put (a clicker pressed once too often is not an error); a page number outside the deck is
 * refused, as is paging a screen with no deck.
 */
export function turnPage(at: PagePosition, to: SlidePageMessage["to"]): PageOutcome {
  if (at.pageCount < 1) return { ok: false, reason: "this screen shows no deck" };
  let page: number;
  if (to === "next") page = Math.min(at.page + 1, at.pageCount);
  else if (to === "prev") page = Math.max(at.page - 1, 1);
  else if (to === "first") page = 1;
  else if (to === "last") page = at.pageCount;
  else if (to < 1 || to > at.pageCount) return { ok: false, reason: `page ${to} is not in this deck (1–${at.pageCount})` };
  else page = to;
  return { ok: true, page, changed: page !== at.page };
}

/**
 * Pages worth holding ready around the current one, nearest first: the current page, then `ahead`
 * pages forward (people mostly page forward) and `behind` pages back. A viewer keeps textures for
 * these and releases the rest, so memory stays flat however long the deck.
 */
export function pagesToKeep(at: PagePosition, ahead = 1, behind = 1): number[] {
  if (at.pageCount < 1) return [];
  const pages = [at.page];
  for (let i = 1; i <= Math.max(ahead, behind); i++) {
    if (i <= ahead && at.page + i <= at.pageCount) pages.push(at.page + i);
    if (i <= behind && at.page - i >= 1) pages.push(at.page - i);
  }
  return pages;
}

/** Which page-turn a key means (arrows, PageUp/PageDown as presentation clickers send, Home/End). */
export function pageKey(key: string): SlidePageMessage["to"] | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return "prev";
    case "Home":
      return "first";
    case "End":
      return "last";
    default:
      return null;
  }
}
