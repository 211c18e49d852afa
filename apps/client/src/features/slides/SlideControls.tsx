import type { DeckSummary } from "@otc/contract";
import { pageKey } from "@otc/slides";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useSessionUi } from "../../session-context.js";
import { PresenterView } from "./PresenterView.js";
import type { SlidesClient } from "./slides-client.js";
import "./slides.css";

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/**
 * The presenter's panel (desktop): which screen, which deck (upload or pick), ◀ page ▶, and the
 * keys: PageUp/PageDown (what presentation clickers send) always, arrows and Home/End while
 * "Arrow keys page" is on (otherwise arrows walk). Shown only to people who may page.
 */
export function SlideControls({ slides }: { slides: SlidesClient }) {
  const { canPage, canManage, selected, screens, loads, presenters } = useStore(slides.ui);
  const participants = useSessionUi((s) => s.participants);
  const [arrows, setArrows] = useState(false);
  const [presenterView, setPresenterView] = useState(false);
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = screens[selected];
  const load = view ? loads[view.deckId] : undefined;

  useEffect(() => {
    if (!canPage) return;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const to = pageKey(e.key);
      if (!to || (!arrows && !e.key.startsWith("Page"))) return;
      e.preventDefault();
      e.stopPropagation(); // captured on document: walking (on window) does not see it
      if (!e.repeat || e.key.startsWith("Page")) slides.page(to);
    };
    document.addEventListener("keydown", onKey, { capture: true });
    return () => document.removeEventListener("keydown", onKey, { capture: true });
  }, [slides, canPage, arrows]);

  useEffect(() => {
    if (!canManage) return;
    void slides.decks().then((r) => (r.ok ? setDecks(r.value) : setError(r.error)));
  }, [slides, canManage]);

  if (!canPage) return null;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy(`Uploading “${file.name}”…`);
    const result = await slides.upload(file);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDecks((d) => [result.value, ...d.filter((x) => x.id !== result.value.id)]);
    slides.assign(result.value.id);
  };
  return (
    <div className="hud slides-panel" aria-label="Slides">
      <div className="slides-row">
        <strong>Slides</strong>
        {slides.layout.screens.length > 1 && (
          <select aria-label="Screen" value={selected} onChange={(e) => slides.select(e.target.value)}>
            {slides.layout.screens.map((s) => (
              <option key={s.id} value={s.id}>
                Screen {s.id}
              </option>
            ))}
          </select>
        )}
      </div>
      {canManage && (
        <div className="slides-row">
          <select aria-label="Deck" value={view?.deckId ?? ""} onChange={(e) => slides.assign(e.target.value || null)}>
            <option value="">(no deck)</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.pageCount} p.)
              </option>
            ))}
          </select>
          <label className="slides-upload">
            Upload…
            <input type="file" accept="application/pdf,.pdf,.pptx,.odp" aria-label="Upload a deck" onChange={(e) => void upload(e.target.files?.[0])} />
          </label>
        </div>
      )}
      <div className="slides-row">
        <button type="button" aria-label="Previous slide" disabled={!view} onClick={() => slides.page("prev")}>
          ◀
        </button>
        <span className="slides-counter" data-testid="slides-counter">
          {view ? `${view.page} / ${view.pageCount}` : "no deck"}
        </span>
        <button type="button" aria-label="Next slide" disabled={!view} onClick={() => slides.page("next")}>
          ▶
        </button>
        <label className="slides-arrows">
          <input type="checkbox" checked={arrows} onChange={(e) => setArrows(e.target.checked)} /> Arrow keys page
        </label>
        <label className="slides-arrows">
          <input type="checkbox" checked={presenterView} onChange={(e) => setPresenterView(e.target.checked)} /> Presenter view
        </label>
      </div>
      {canManage && participants.some((p) => p.role === "participant") && (
        <details className="slides-row">
          <summary>Presenters</summary>
          {participants
            .filter((p) => p.role === "participant")
            .map((p) => (
              <label key={p.id} className="slides-grant">
                <input type="checkbox" checked={presenters.includes(p.id)} onChange={(e) => slides.grant(p.id, e.target.checked)} aria-label={`${p.name} may change slides`} /> {p.name}
              </label>
            ))}
        </details>
      )}
      {presenterView && <PresenterView slides={slides} />}
      {busy && <div className="slides-status">{busy}</div>}
      {load?.state === "loading" && <progress max={1} value={load.fraction} aria-label="Deck loading" />}
      {load?.state === "failed" && <div className="slides-error" role="alert">{load.error}</div>}
      {error && <div className="slides-error" role="alert">{error}</div>}
    </div>
  );
}
