import type { SlidePageMessage } from "@otc/contract";
import type { PageCacheStats } from "./page-cache.js";
import type { ScreenView, SlidesClient, SlidesUiState } from "./slides-client.js";

/** Read-only slides view for browser tests and benchmarks (`window.__otc.slides`). */
export interface SlidesTestHooks {
  screens(): Record<string, ScreenView>;
  /** What each screen last drew and when (performance.now, ms). */
  shown(): Record<string, { deckId: string; page: number; t: number; luma: number }>;
  /** When each screen's page last changed in the received state (performance.now, ms). */
  changedAt(): Record<string, number>;
  canPage(): boolean;
  loads(): SlidesUiState["loads"];
  /** Deck loading stages so far on this page. */
  trace(): string;
  textures(): PageCacheStats;
  pointer(screenId: string): [number, number] | null;
  /** Sends a page turn as the buttons would (the server decides). */
  page(to: SlidePageMessage["to"], screenId?: string): void;
  assign(deckId: string | null, screenId?: string): void;
  grant(participantId: string, presenter: boolean): void;
  point(screenId: string, at: [number, number] | null): void;
}

declare global {
  interface Window {
    __otcSlides?: SlidesTestHooks;
  }
}

/** Installs `window.__otcSlides` (kept apart from `__otc`, which the core hooks own); returns the uninstaller. */
export function installSlidesTestHooks(slides: SlidesClient): () => void {
  const hooks: SlidesTestHooks = {
    screens: () => ({ ...slides.ui.getState().screens }),
    shown: () => Object.fromEntries(slides.shown),
    changedAt: () => Object.fromEntries(slides.changedAt),
    canPage: () => slides.ui.getState().canPage,
    loads: () => ({ ...slides.ui.getState().loads }),
    trace: () => slides.trace.join(" → "),
    textures: () => ({ ...slides.stats }),
    pointer: (id) => slides.pointers.get(id)?.at ?? null,
    page: (to, id) => slides.page(to, id),
    assign: (deckId, id) => slides.assign(deckId, id),
    grant: (pid, on) => slides.grant(pid, on),
    point: (id, at) => slides.point(id, at),
  };
  window.__otcSlides = hooks;
  return () => {
    if (window.__otcSlides === hooks) delete window.__otcSlides;
  };
}
