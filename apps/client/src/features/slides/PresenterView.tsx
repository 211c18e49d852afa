import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { renderPage } from "./pdf-renderer.js";
import { useT } from "../i18n/language-context.js";
import type { SlidesClient } from "./slides-client.js";

/** Thumbnail size, as if the page were on a screen this many metres wide (≈ 1024 px/m). */
const THUMB = { width: 0.3, height: 0.17 };

/** One page drawn small into a DOM canvas (no texture: this is the presenter's 2D view). */
function Thumb({ slides, deckId, page, label }: { slides: SlidesClient; deckId: string; page: number; label: string }) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let live = true;
    void slides.deck(deckId).then(async (doc) => {
      if (!doc || !live || page > doc.numPages) return;
      const drawn = await renderPage(doc, page, THUMB);
      const target = ref.current;
      if (live && target) {
        target.width = drawn.width;
        target.height = drawn.height;
        target.getContext("2d")?.drawImage(drawn, 0, 0);
      }
      drawn.width = drawn.height = 0;
    });
    return () => {
      live = false;
    };
  }, [slides, deckId, page]);
  return (
    <figure className="slides-thumb">
      <canvas ref={ref} aria-label={t("slides.thumb", { label, page })} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * The presenter's view on the desktop: the current and the next page of the selected screen, and the
 * time since this deck went up. (Speaker notes are not shown yet: PDFs exported from slides rarely
 * carry them in a form pdf.js exposes.)
 */
export function PresenterView({ slides }: { slides: SlidesClient }) {
  const t = useT();
  const view = useStore(slides.ui, (s) => s.screens[s.selected]);
  const [started, setStarted] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const deckId = view?.deckId;
  useEffect(() => setStarted(Date.now()), [deckId]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (!view) return null;
  return (
    <div className="slides-presenter" aria-label={t("slides.presenterView")}>
      <Thumb slides={slides} deckId={view.deckId} page={view.page} label={t("slides.now")} />
      {view.page < view.pageCount ? <Thumb slides={slides} deckId={view.deckId} page={view.page + 1} label={t("slides.following")} /> : <p className="slides-end">{t("slides.lastPage")}</p>}
      <span className="slides-elapsed" aria-label={t("slides.elapsed")}>{clock(now - started)}</span>
    </div>
  );
}
